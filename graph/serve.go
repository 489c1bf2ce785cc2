package graph

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/query"
	cayleyhttp "github.com/cayleygraph/cayley/server/http"
	"github.com/julienschmidt/httprouter"
)

// ServeOptions configures the HTTP server.
type ServeOptions struct {
	// Writable enables Cayley's write and delete endpoints. Off by default.
	Writable bool
	// Timeout bounds each query (default 30s).
	Timeout time.Duration
	// Limit caps the results of a query (default DefaultLimit); the
	// ?limit= parameter of the v1 endpoint may lower it.
	Limit int
	// UIDir overrides where Cayley's UI files are looked for.
	UIDir string
	// AllowOrigins lists origins allowed to read the API from a browser
	// page of another site; none by default. Writes are never accepted
	// from another origin.
	AllowOrigins []string
	// Log receives request logs; nil discards them.
	Log *slog.Logger
}

// Server is factgraph's HTTP front: Cayley's UI and its v1 and v2 APIs.
type Server struct {
	store *Store
	opt   ServeOptions
	tmpl  *template.Template
	uiDir string
	// UIError says why the UI is not served (the API still is).
	UIError error
	handler http.Handler
}

// NewServer prepares the HTTP handler for s.
func NewServer(s *Store, opt ServeOptions) (*Server, error) {
	if opt.Timeout <= 0 {
		opt.Timeout = 30 * time.Second
	}
	if opt.Limit <= 0 {
		opt.Limit = DefaultLimit
	}
	if opt.Log == nil {
		opt.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	srv := &Server{store: s, opt: opt}
	if dir, err := FindCayleyUI(opt.UIDir); err != nil {
		srv.UIError = err
	} else if t, err := loadTemplates(dir); err != nil {
		srv.UIError = err
	} else {
		srv.tmpl, srv.uiDir = t, dir
	}

	r := httprouter.New()
	h := &cgraph.Handle{QuadStore: s.qs}
	if opt.Writable {
		w, err := cgraph.NewQuadWriter("single", s.qs, cgraph.Options{})
		if err != nil {
			return nil, fmt.Errorf("open quad writer: %w", err)
		}
		h.QuadWriter = w
	}
	api2 := cayleyhttp.NewAPIv2(h)
	api2.SetReadOnly(!opt.Writable)
	api2.SetQueryTimeout(opt.Timeout)
	api2.SetQueryLimit(opt.Limit)
	api2.RegisterOn(r, srv.sameOriginWrites, srv.logRequest)

	r.POST("/api/v1/query/:lang", srv.logRequest(srv.serveV1Query))
	r.POST("/api/v1/shape/:lang", srv.logRequest(srv.serveV1Shape))
	readOnly := func(w http.ResponseWriter, _ *http.Request, _ httprouter.Params) {
		writeJSONError(w, http.StatusForbidden, "the store is served read-only; restart `factgraph serve` with --writable to allow writes")
	}
	for _, p := range []string{"/api/v1/write", "/api/v1/write/file/nquad", "/api/v1/delete"} {
		r.POST(p, readOnly)
	}
	if srv.tmpl != nil {
		r.GET("/", srv.serveUI)
		r.GET("/ui/:ui_type", srv.serveUI)
		r.ServeFiles("/static/*filepath", http.Dir(filepath.Join(srv.uiDir, "static")))
	} else {
		r.GET("/", func(w http.ResponseWriter, _ *http.Request, _ httprouter.Params) {
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			w.WriteHeader(http.StatusServiceUnavailable)
			fmt.Fprintf(w, "factgraph: the Cayley web UI is unavailable: %v\nThe HTTP API is served at /api/v1/query/gizmo and /api/v2/query.\n", srv.UIError)
		})
	}
	r.OPTIONS("/*path", srv.preflight)
	srv.handler = srv.cors(r)
	return srv, nil
}

// Handler returns the HTTP handler.
func (srv *Server) Handler() http.Handler { return srv.handler }

// UIDir returns the directory the UI is served from ("" when unavailable).
func (srv *Server) UIDir() string { return srv.uiDir }

// allowedOrigin reports whether a browser page from origin may read responses.
func (srv *Server) allowedOrigin(origin string) bool {
	for _, o := range srv.opt.AllowOrigins {
		if o == "*" || strings.EqualFold(o, origin) {
			return true
		}
	}
	return false
}

// sameOrigin reports whether origin names the host the request was sent to.
func sameOrigin(r *http.Request, origin string) bool {
	u, err := url.Parse(origin)
	if err != nil {
		return false
	}
	return strings.EqualFold(u.Host, r.Host)
}

func (srv *Server) cors(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if origin := r.Header.Get("Origin"); origin != "" && srv.allowedOrigin(origin) {
			w.Header().Set("Access-Control-Allow-Origin", origin)
			w.Header().Set("Vary", "Origin")
		}
		r.Body = http.MaxBytesReader(w, r.Body, 8<<20)
		next.ServeHTTP(w, r)
	})
}

func (srv *Server) preflight(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {
	if origin := r.Header.Get("Origin"); origin != "" && srv.allowedOrigin(origin) {
		w.Header().Set("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
		w.Header().Set("Access-Control-Allow-Headers", "Accept, Content-Type")
	}
	w.WriteHeader(http.StatusNoContent)
}

// sameOriginWrites refuses writes that a page of another site sends.
func (srv *Server) sameOriginWrites(h httprouter.Handle) httprouter.Handle {
	return func(w http.ResponseWriter, r *http.Request, p httprouter.Params) {
		if isWritePath(r.URL.Path) {
			if origin := r.Header.Get("Origin"); origin != "" && !sameOrigin(r, origin) {
				writeJSONError(w, http.StatusForbidden, "cross-origin writes are refused")
				return
			}
		}
		h(w, r, p)
	}
}

func isWritePath(p string) bool {
	return strings.HasSuffix(p, "/write") || strings.HasSuffix(p, "/delete") || strings.Contains(p, "/write/")
}

func (srv *Server) logRequest(h httprouter.Handle) httprouter.Handle {
	return func(w http.ResponseWriter, r *http.Request, p httprouter.Params) {
		start := time.Now()
		h(w, r, p)
		srv.opt.Log.Info("request", "method", r.Method, "path", r.URL.Path, "took", time.Since(start))
	}
}

func (srv *Server) serveUI(w http.ResponseWriter, r *http.Request, p httprouter.Params) {
	ui := p.ByName("ui_type")
	if r.URL.Path == "/" {
		ui = "query"
	}
	if srv.tmpl.Lookup(ui+".html") == nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if err := srv.tmpl.ExecuteTemplate(w, ui+".html", nil); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

func writeJSONError(w http.ResponseWriter, code int, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(map[string]string{"error": msg})
}

// serveV1Query is the endpoint Cayley's UI posts its queries to.
func (srv *Server) serveV1Query(w http.ResponseWriter, r *http.Request, p httprouter.Params) {
	ctx, cancel := context.WithTimeout(r.Context(), srv.opt.Timeout)
	defer cancel()
	limit := srv.opt.Limit
	if l, err := strconv.Atoi(r.URL.Query().Get("limit")); err == nil && l > 0 && l < limit {
		limit = l
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		writeJSONError(w, http.StatusBadRequest, "read query: "+err.Error())
		return
	}
	out, err := srv.store.Query(ctx, p.ByName("lang"), string(body), limit)
	if err != nil {
		code := http.StatusBadRequest
		if errors.Is(err, context.DeadlineExceeded) {
			code = http.StatusGatewayTimeout
		}
		writeJSONError(w, code, err.Error())
		return
	}
	// Cayley's UI parses this body itself ($.parseJSON), so it must not be
	// labelled application/json (jQuery would parse it first), just as
	// Cayley's own server leaves it.
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	_ = json.NewEncoder(w).Encode(map[string]any{"result": out})
}

func (srv *Server) serveV1Shape(w http.ResponseWriter, r *http.Request, p httprouter.Params) {
	l := query.GetLanguage(p.ByName("lang"))
	if l == nil || l.HTTP == nil {
		writeJSONError(w, http.StatusBadRequest, "unknown query language")
		return
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		writeJSONError(w, http.StatusBadRequest, err.Error())
		return
	}
	shape, err := l.HTTP(srv.store.qs).ShapeOf(string(body))
	if err != nil {
		writeJSONError(w, http.StatusBadRequest, err.Error())
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(shape)
}

// IsLoopback reports whether addr ("host:port") binds only to loopback.
func IsLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// ListenAndServe serves until ctx is cancelled, then shuts down gracefully.
// ready, when set, receives the bound address once listening.
func (srv *Server) ListenAndServe(ctx context.Context, addr string, ready func(net.Addr)) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", addr, err)
	}
	hs := &http.Server{Handler: srv.handler, ReadHeaderTimeout: 10 * time.Second}
	if ready != nil {
		ready(ln.Addr())
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = hs.Shutdown(sctx)
		return nil
	}
}
