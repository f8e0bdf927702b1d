package keyline

import (
	"errors"
	"fmt"
)

// Code is a stable, client-visible error code. The GraphQL layer copies it
// into extensions.code; clients switch on it, so values never change.
type Code string

const (
	CodeInvalid         Code = "BAD_USER_INPUT"
	CodeNotFound        Code = "NOT_FOUND"
	CodeForbidden       Code = "FORBIDDEN"
	CodeUnauthenticated Code = "UNAUTHENTICATED"
	CodeConflict        Code = "CONFLICT"
	CodeUnavailable     Code = "UNAVAILABLE"
	CodeLimit           Code = "LIMIT_EXCEEDED"
	CodeInternal        Code = "INTERNAL"
)

// Error is an application error whose message is safe to show to a client.
// Field, when set, names the input field at fault (e.g. "input.grading").
type Error struct {
	Code    Code
	Field   string
	Message string
}

func (e *Error) Error() string {
	if e.Field != "" {
		return fmt.Sprintf("%s: %s", e.Field, e.Message)
	}
	return e.Message
}

// Errorf builds an application error.
func Errorf(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// FieldErrorf builds an application error about one input field.
func FieldErrorf(field string, format string, args ...any) *Error {
	return &Error{Code: CodeInvalid, Field: field, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of an application error, or CodeInternal for
// anything else: unknown errors are never described to clients.
func ErrorCode(err error) Code {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return CodeInternal
}

// ErrNotFound reports an id that does not exist or that the actor may not
// know exists: the two are deliberately indistinguishable (need to know).
func ErrNotFound(id string) *Error {
	return &Error{Code: CodeNotFound, Message: fmt.Sprintf("no such record: %s", id)}
}

// ErrStale reports an optimistic-concurrency failure.
func ErrStale(id string, expected int64) *Error {
	return &Error{Code: CodeConflict, Message: fmt.Sprintf("%s has changed since version %d; reload and retry", id, expected)}
}
