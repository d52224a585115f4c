// A deleted operation's package stays on npm (unpublishing breaks everyone who depends on it); the
// maintainer deprecates it after the release. The generator only says so, with the exact command.

/** `packages/nas/foo-bar` → `@acs-modular/nas-foo-bar` (the naming contract of model/naming.ts). */
export function packageNameOfDir(packageDir: string): string {
  const [, product, op] = packageDir.split("/");
  return `@acs-modular/${product}-${op}`;
}

/** The notice printed for a package folder removed because its spec was deleted. */
export function deprecationNotice(packageDir: string): string {
  const name = packageNameOfDir(packageDir);
  const message = "This operation was removed from the Alibaba Cloud API; this package is no longer maintained.";
  return (
    `DEPRECATE ${name}: its spec was deleted, so ${packageDir} was removed from the repository (npm keeps every published version). ` +
    `After the next release run:\n  npm deprecate "${name}@*" "${message}"`
  );
}
