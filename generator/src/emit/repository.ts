/**
 * Where the project lives, for the links generated packages carry (`repository`, `homepage`, `bugs` and
 * README links): absolute URLs, so that they work on the npm website too.
 */
export const REPOSITORY = {
  web: "https://github.com/acs-modular/acs-modular",
  git: "git+https://github.com/acs-modular/acs-modular.git",
  issues: "https://github.com/acs-modular/acs-modular/issues",
} as const;
