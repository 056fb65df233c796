// Shared by the sign-up form (browser) and the server; no Node imports here.

// bcrypt only looks at the first 72 bytes; longer passwords would silently share a hash.
export const MAX_PASSWORD_BYTES = 72;
export const MIN_PASSWORD_LENGTH = 10;
