//go:build !unix

package graph

import (
	"context"
	"time"
)

// fileLock is a no-op where advisory file locks are unavailable; the
// backends' own locks still apply.
type fileLock struct{}

func acquireLock(context.Context, string, time.Duration) (*fileLock, error) { return &fileLock{}, nil }

func (*fileLock) release() {}
