// A token committed to the repository (on purpose, for the example).
export const GITHUB_TOKEN = 'ghp_4sT9kLmQ2wE8rTyU1iOpA5sDfG7hJkL3zXcV';
