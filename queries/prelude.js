// factgraph prelude: IRIs of the graph's vocabulary, prepended to every
// canned query. Paste it into the Cayley UI to use the same names.
var FG = "https://factgraph.github.io/ns#";
var SCHEMA = "http://schema.org/";
var RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
function fg(n) { return "<" + FG + n + ">"; }
function sdo(n) { return "<" + SCHEMA + n + ">"; }
function rdf(n) { return "<" + RDF + n + ">"; }
var NAME = sdo("name"), ALT = sdo("alternateName"), HEADLINE = sdo("headline");
var TYPE = rdf("type"), SUBJ = rdf("subject"), PRED = rdf("predicate"), OBJ = rdf("object");
var SOURCE = "<http://www.w3.org/ns/prov#wasDerivedFrom>";
// isEntity reports whether a result value is an entity IRI.
var ENTITY_PREFIX = "<https://factgraph.github.io/entity/";
function isEntity(v) { return typeof v === "string" && v.indexOf(ENTITY_PREFIX) === 0; }
// entityIds returns the IRIs of the entities called name (canonical name or
// alias). It filters by IRI in JavaScript: on Cayley 0.7.7's disk backends a
// Has(TYPE, …) step followed by In(…) takes tens of seconds on a large graph.
function entityIds(name) { return g.V(name).In([NAME, ALT]).Unique().ToArray().filter(isEntity); }
// entity returns a path starting at those entities (empty when there are none).
function entity(name) {
  var ids = entityIds(name);
  return ids.length ? g.V.apply(g, ids) : g.V("<urn:factgraph:none>");
}
// nameFlaws weighs how badly a name is written, as the resolver does
// (resolve.BetterName): capitals only (a headline's "REAGAN", "NEW YORK";
// not an acronym such as "OPEC") 4, a doubled space or unbalanced
// brackets 2, capitals inside a word ("COmmission") 1 each.
function nameFlaws(s) {
  var n = 0, words = s.split(/\s+/).filter(function(w) { return w; }), caps = 0, capsLetters = 0;
  for (var i = 0; i < words.length; i++) {
    var w = words[i], up = w.replace(/[^A-Z]/g, "").length, low = w.replace(/[^a-z]/g, "").length;
    if (up >= 2 && low === 0) { caps++; capsLetters += up; }
    if (low > 0 && /^[A-Z][A-Z][a-z]/.test(w)) { n++; }
  }
  if (caps >= 2 || (caps === 1 && words.length === 1 && capsLetters > 4)) { n += 4; }
  if (s.indexOf("  ") >= 0) { n += 2; }
  if (s.split("(").length !== s.split(")").length) { n += 2; }
  return n;
}
// nameOf returns a node's display name, or the node itself: of the names
// its documents give it, the best written, then the most given, then the
// first in sort order.
function nameOf(node) {
  if (typeof node !== "string" || node.charAt(0) !== "<") { return node; }
  var ns = g.V(node).Out(NAME).ToArray(), count = {}, best = null;
  for (var i = 0; i < ns.length; i++) { count[ns[i]] = (count[ns[i]] || 0) + 1; }
  for (var n in count) {
    if (best === null || nameFlaws(n) < nameFlaws(best) ||
        (nameFlaws(n) === nameFlaws(best) && (count[n] > count[best] || (count[n] === count[best] && n < best)))) { best = n; }
  }
  return best === null ? node : best;
}
