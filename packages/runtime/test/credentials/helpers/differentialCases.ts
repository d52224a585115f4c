// The table of the differential test: temporary HOMEs and environments, each resolved by our default chain and
// by @alicloud/credentials 2.4.7's. A case either expects both to resolve the same AccessKeyId, or is a
// deliberate difference: then it says why, and what each side gives, so the table stays honest both ways.

/** Paths and URLs a case may refer to, filled in by the test. */
export interface CaseContext {
  readonly home: string;
  /** An OIDC token file in the HOME. */
  readonly tokenFile: string;
  /** `http://127.0.0.1:<port>` answering credentials (AccessKeyId `URI-FIXED`). */
  readonly uriUrl: string;
  /** `http://127.0.0.1:<port>` of a CloudSSO portal (AccessKeyId `SSO-FIXED`). */
  readonly ssoUrl: string;
  /** Builds a process_command printing credentials (printCredentials.mjs). */
  command(args: string): string;
  /** CloudSSO access token expiry, epoch seconds, an hour from now. */
  readonly ssoExpire: number;
}

/** What the metadata address does: IMDSv2, IMDSv1 only (token PUT refused), or nothing listening. */
export type EcsMode = "v2" | "v1-only" | "none";

/** Inputs of one case. */
export interface CaseInputs {
  /** `~/.aliyun/config.json`, as an object. */
  readonly cli?: unknown;
  /** `~/.alibabacloud/credentials`. */
  readonly ini?: string;
  /** Extra files, path relative to HOME → content. */
  readonly files?: Readonly<Record<string, string>>;
  /** Environment besides HOME (nothing else of the real environment is visible). */
  readonly env?: Readonly<Record<string, string>>;
  readonly ecs?: EcsMode;
}

/** What a side resolves: an AccessKeyId, or an error. */
export type Outcome = { readonly accessKeyId: string } | { readonly error: true };

/** One row of the table. */
export interface DifferentialCase {
  readonly name: string;
  readonly inputs: (ctx: CaseContext) => CaseInputs;
  /** Both sides resolve this AccessKeyId — or both fail — and, when STS is called, call it on the same host. */
  readonly same?: string | { readonly error: true };
  /** A deliberate difference: why, and each side's outcome. */
  readonly difference?: { readonly reason: string; readonly ours: Outcome; readonly official: Outcome };
}

const AK = { access_key_id: "AK_BASE", access_key_secret: "base-secret" };
const cli = (current: string, ...profiles: object[]) => ({ current, profiles });
const ROLE = (name: string) => `acs:ram::123:role/${name}`;
const OIDC_PROVIDER = "acs:ram::123:oidc-provider/ack";
const rrsa = (ctx: CaseContext) => ({ ALIBABA_CLOUD_ROLE_ARN: ROLE("pod"), ALIBABA_CLOUD_OIDC_PROVIDER_ARN: OIDC_PROVIDER, ALIBABA_CLOUD_OIDC_TOKEN_FILE: ctx.tokenFile });
const INI_AK = "[default]\ntype = access_key\naccess_key_id = AK_INI\naccess_key_secret = S\n";
const CLI_AK = cli("default", { name: "default", mode: "AK", access_key_id: "AK_CLI", access_key_secret: "S" });
const none = { ecs: "none" } as const;

/** The table. */
export const DIFFERENTIAL_CASES: readonly DifferentialCase[] = [
  // Environment
  { name: "env: AccessKey", inputs: () => ({ ...none, env: { ALIBABA_CLOUD_ACCESS_KEY_ID: "AK_ENV", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "S" } }), same: "AK_ENV" },
  {
    name: "env: STS token",
    inputs: () => ({ ...none, env: { ALIBABA_CLOUD_ACCESS_KEY_ID: "STS.ENV", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "S", ALIBABA_CLOUD_SECURITY_TOKEN: "T" } }),
    same: "STS.ENV",
  },
  { name: "env: OIDC / ACK RRSA", inputs: (ctx) => ({ ...none, env: rrsa(ctx) }), same: "STS.pod@oidc" },
  {
    name: "env: OIDC with session name and ALIBABA_CLOUD_STS_REGION",
    inputs: (ctx) => ({ ...none, env: { ...rrsa(ctx), ALIBABA_CLOUD_ROLE_SESSION_NAME: "pod-1", ALIBABA_CLOUD_STS_REGION: "cn-shanghai" } }),
    same: "STS.pod@oidc",
  },
  {
    name: "env: OIDC with the VPC endpoint (ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED)",
    inputs: (ctx) => ({ ...none, env: { ...rrsa(ctx), ALIBABA_CLOUD_STS_REGION: "cn-beijing", ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED: "true" } }),
    same: "STS.pod@oidc",
  },
  { name: "env: ALIBABA_CLOUD_CREDENTIALS_URI", inputs: (ctx) => ({ ...none, env: { ALIBABA_CLOUD_CREDENTIALS_URI: `${ctx.uriUrl}/env` } }), same: "URI-FIXED" },

  // CLI profile modes
  { name: "cli: AK", inputs: () => ({ ...none, cli: CLI_AK }), same: "AK_CLI" },
  { name: "cli: StsToken", inputs: () => ({ ...none, cli: cli("s", { name: "s", mode: "StsToken", access_key_id: "STS.CLI", access_key_secret: "S", sts_token: "T" }) }), same: "STS.CLI" },
  { name: "cli: RamRoleArn", inputs: () => ({ ...none, cli: cli("r", { name: "r", mode: "RamRoleArn", ...AK, ram_role_arn: ROLE("dev"), ram_session_name: "me" }) }), same: "STS.dev@AK_BASE" },
  {
    name: "cli: RamRoleArn with sts_region",
    inputs: () => ({ ...none, cli: cli("r", { name: "r", mode: "RamRoleArn", ...AK, ram_role_arn: ROLE("dev"), sts_region: "cn-beijing", expired_seconds: 1800 }) }),
    same: "STS.dev@AK_BASE",
  },
  { name: "cli: EcsRamRole", inputs: () => ({ ecs: "v2", cli: cli("e", { name: "e", mode: "EcsRamRole", ram_role_name: "my-role" }) }), same: "STS.ECS" },
  {
    name: "cli: OIDC",
    inputs: (ctx) => ({ ...none, cli: cli("o", { name: "o", mode: "OIDC", ram_role_arn: ROLE("oidc"), oidc_provider_arn: OIDC_PROVIDER, oidc_token_file: ctx.tokenFile, ram_session_name: "s" }) }),
    same: "STS.oidc@oidc",
  },
  {
    name: "cli: ChainableRamRoleArn from an AK profile",
    inputs: () => ({ ...none, cli: cli("c", { name: "c", mode: "ChainableRamRoleArn", source_profile: "base", ram_role_arn: ROLE("app") }, { name: "base", mode: "AK", ...AK }) }),
    same: "STS.app@AK_BASE",
  },
  {
    name: "cli: ChainableRamRoleArn two deep",
    inputs: () => ({
      ...none,
      cli: cli(
        "top",
        { name: "top", mode: "ChainableRamRoleArn", source_profile: "mid", ram_role_arn: ROLE("top") },
        { name: "mid", mode: "ChainableRamRoleArn", source_profile: "base", ram_role_arn: ROLE("mid") },
        { name: "base", mode: "AK", ...AK },
      ),
    }),
    same: "STS.top@STS.mid@AK_BASE",
  },
  {
    name: "cli: ChainableRamRoleArn from an EcsRamRole profile",
    inputs: () => ({ ecs: "v2", cli: cli("c", { name: "c", mode: "ChainableRamRoleArn", source_profile: "ecs", ram_role_arn: ROLE("app") }, { name: "ecs", mode: "EcsRamRole", ram_role_name: "my-role" }) }),
    same: "STS.app@STS.ECS",
  },
  {
    name: "cli: CloudSSO",
    inputs: (ctx) => ({
      ...none,
      cli: cli("sso", {
        name: "sso",
        mode: "CloudSSO",
        cloud_sso_sign_in_url: `${ctx.ssoUrl}/device/login`,
        cloud_sso_account_id: "1234",
        cloud_sso_access_config: "ac-1",
        access_token: "sso-access-token",
        cloud_sso_access_token_expire: ctx.ssoExpire,
      }),
    }),
    same: "SSO-FIXED",
  },
  { name: "cli: External (AK output)", inputs: (ctx) => ({ ...none, cli: cli("x", { name: "x", mode: "External", process_command: ctx.command("AK AK_EXT") }) }), same: "AK_EXT" },
  {
    name: "cli: External (StsToken output with expiration)",
    inputs: (ctx) => ({ ...none, cli: cli("x", { name: "x", mode: "External", process_command: ctx.command(`StsToken STS.EXT ${new Date(Date.now() + 3_600_000).toISOString()}`) }) }),
    same: "STS.EXT",
  },
  {
    name: "cli: CredentialsURI",
    inputs: (ctx) => ({ ...none, cli: cli("u", { name: "u", mode: "CredentialsURI", credentials_uri: `${ctx.uriUrl}/cli` }), ini: INI_AK }),
    difference: {
      reason: "@alicloud/credentials 2.4.7 has no CredentialsURI mode (\"unsupported profile mode\") and falls through to the ini file; the aliyun CLI defines the mode and we follow it",
      ours: { accessKeyId: "URI-FIXED" },
      official: { accessKeyId: "AK_INI" },
    },
  },

  // CLI profile selection
  {
    name: "cli: ALIBABA_CLOUD_PROFILE selects a profile other than current",
    inputs: () => ({ ...none, env: { ALIBABA_CLOUD_PROFILE: "b" }, cli: cli("a", { name: "a", mode: "AK", access_key_id: "AK_A", access_key_secret: "S" }, { name: "b", mode: "AK", access_key_id: "AK_B", access_key_secret: "S" }) }),
    same: "AK_B",
  },
  {
    name: "cli: ALIBABA_CLOUD_PROFILE naming a profile only the ini file has",
    inputs: () => ({ ...none, env: { ALIBABA_CLOUD_PROFILE: "prod" }, cli: CLI_AK, ini: `${INI_AK}[prod]\ntype = access_key\naccess_key_id = AK_PROD\naccess_key_secret = S\n` }),
    same: "AK_PROD",
  },
  { name: "cli: ALIBABA_CLOUD_CLI_PROFILE_DISABLED", inputs: () => ({ ...none, env: { ALIBABA_CLOUD_CLI_PROFILE_DISABLED: "true" }, cli: CLI_AK, ini: INI_AK }), same: "AK_INI" },
  {
    name: "cli: ALIBABA_CLOUD_CONFIG_FILE",
    inputs: () => ({ ...none, env: { ALIBABA_CLOUD_CONFIG_FILE: "{HOME}/elsewhere.json" }, files: { "elsewhere.json": JSON.stringify(CLI_AK) }, ini: INI_AK }),
    difference: {
      reason: "credentials-go reads ALIBABA_CLOUD_CONFIG_FILE for the CLI config; the Node client 2.4.7 only reads ~/.aliyun/config.json",
      ours: { accessKeyId: "AK_CLI" },
      official: { accessKeyId: "AK_INI" },
    },
  },

  // ini file types and selection
  { name: "ini: access_key", inputs: () => ({ ...none, ini: INI_AK }), same: "AK_INI" },
  {
    name: "ini: ram_role_arn",
    inputs: () => ({ ...none, ini: `[default]\ntype = ram_role_arn\naccess_key_id = AK_BASE\naccess_key_secret = base-secret\nrole_arn = ${ROLE("ini")}\nrole_session_name = s\n` }),
    same: "STS.ini@AK_BASE",
  },
  { name: "ini: ecs_ram_role", inputs: () => ({ ecs: "v2", ini: "[default]\ntype = ecs_ram_role\nrole_name = my-role\n" }), same: "STS.ECS" },
  {
    name: "ini: oidc_role_arn",
    inputs: (ctx) => ({ ...none, ini: `[default]\ntype = oidc_role_arn\nrole_arn = ${ROLE("iniOidc")}\noidc_provider_arn = ${OIDC_PROVIDER}\noidc_token_file_path = ${ctx.tokenFile}\n` }),
    difference: {
      reason: "the 2.4.7 ini reader accepts only access_key, ecs_ram_role, ram_role_arn (its legacy reader read oidc_role_arn, with these keys); ours resolves it",
      ours: { accessKeyId: "STS.iniOidc@oidc" },
      official: { error: true },
    },
  },
  {
    name: "ini: credentials_uri",
    inputs: (ctx) => ({ ...none, ini: `[default]\ntype = credentials_uri\ncredentials_uri = ${ctx.uriUrl}/ini\n` }),
    difference: {
      reason: "the 2.4.7 ini reader has no credentials_uri type (the Config object does); ours resolves it",
      ours: { accessKeyId: "URI-FIXED" },
      official: { error: true },
    },
  },
  {
    name: "ini: sts",
    inputs: () => ({ ...none, ini: "[default]\ntype = sts\naccess_key_id = STS.INI\naccess_key_secret = S\nsecurity_token = T\n" }),
    difference: {
      reason: "the 2.4.7 ini reader dropped the sts type its legacy reader had; ours keeps it (existing behaviour)",
      ours: { accessKeyId: "STS.INI" },
      official: { error: true },
    },
  },
  {
    name: "ini: ALIBABA_CLOUD_PROFILE selects a section",
    inputs: () => ({ ...none, env: { ALIBABA_CLOUD_PROFILE: "prod" }, ini: `${INI_AK}[prod]\ntype = access_key\naccess_key_id = AK_PROD\naccess_key_secret = S\n` }),
    same: "AK_PROD",
  },
  {
    name: "ini: ALIBABA_CLOUD_CREDENTIALS_FILE",
    inputs: () => ({ ...none, env: { ALIBABA_CLOUD_CREDENTIALS_FILE: "{HOME}/creds.ini" }, files: { "creds.ini": INI_AK.replace("AK_INI", "AK_FILE") } }),
    same: "AK_FILE",
  },

  // ECS
  { name: "ecs: IMDSv2", inputs: () => ({ ecs: "v2" }), same: "STS.ECS" },
  { name: "ecs: IMDSv1-only instance (token PUT answered 403)", inputs: () => ({ ecs: "v1-only" }), same: "STS.ECS" },
  {
    name: "ecs: IMDSv1-only instance with ALIBABA_CLOUD_IMDSV1_DISABLED: on to the credentials URI",
    inputs: (ctx) => ({ ecs: "v1-only", env: { ALIBABA_CLOUD_IMDSV1_DISABLED: "true", ALIBABA_CLOUD_CREDENTIALS_URI: `${ctx.uriUrl}/x` } }),
    same: "URI-FIXED",
  },
  { name: "ecs: ALIBABA_CLOUD_ECS_METADATA names the role", inputs: () => ({ ecs: "v2", env: { ALIBABA_CLOUD_ECS_METADATA: "my-role" } }), same: "STS.ECS" },
  {
    name: "ecs: ALIBABA_CLOUD_ECS_METADATA_DISABLED: on to the credentials URI",
    inputs: (ctx) => ({ ecs: "v2", env: { ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true", ALIBABA_CLOUD_CREDENTIALS_URI: `${ctx.uriUrl}/x` } }),
    same: "URI-FIXED",
  },

  // Precedence when several are present
  { name: "precedence: env over OIDC, CLI and ini", inputs: (ctx) => ({ ecs: "v2", env: { ALIBABA_CLOUD_ACCESS_KEY_ID: "AK_ENV", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "S", ...rrsa(ctx) }, cli: CLI_AK, ini: INI_AK }), same: "AK_ENV" },
  { name: "precedence: OIDC over CLI and ini", inputs: (ctx) => ({ ecs: "v2", env: rrsa(ctx), cli: CLI_AK, ini: INI_AK }), same: "STS.pod@oidc" },
  { name: "precedence: CLI over ini", inputs: () => ({ ecs: "v2", cli: CLI_AK, ini: INI_AK }), same: "AK_CLI" },
  { name: "precedence: ini over ECS", inputs: () => ({ ecs: "v2", ini: INI_AK }), same: "AK_INI" },
  { name: "precedence: ECS over the credentials URI", inputs: (ctx) => ({ ecs: "v2", env: { ALIBABA_CLOUD_CREDENTIALS_URI: `${ctx.uriUrl}/x` } }), same: "STS.ECS" },
  { name: "nothing anywhere: both fail", inputs: () => ({ ...none }), same: { error: true } },

  // Present but broken: ours stops, the official chain falls through
  {
    name: "broken: half-set AccessKey variables",
    inputs: () => ({ ...none, env: { ALIBABA_CLOUD_ACCESS_KEY_ID: "AK_HALF" }, ini: INI_AK }),
    difference: {
      reason: "a source that is present but broken stops our chain (falling through would sign as another identity); the official chain skips it",
      ours: { error: true },
      official: { accessKeyId: "AK_INI" },
    },
  },
  {
    name: "broken: CLI AK profile without its secret",
    inputs: () => ({ ...none, cli: cli("d", { name: "d", mode: "AK", access_key_id: "AK_CLI" }), ini: INI_AK }),
    difference: {
      reason: "same rule: our chain stops at the broken profile; the official one fails it and falls through to the ini file",
      ours: { error: true },
      official: { accessKeyId: "AK_INI" },
    },
  },
  {
    name: "broken: OIDC variables without the role ARN",
    inputs: (ctx) => ({ ...none, env: { ALIBABA_CLOUD_OIDC_PROVIDER_ARN: OIDC_PROVIDER, ALIBABA_CLOUD_OIDC_TOKEN_FILE: ctx.tokenFile }, ini: INI_AK }),
    difference: {
      reason: "same rule: half-set OIDC variables stop our chain; the official builder throws and the chain leaves OIDC out",
      ours: { error: true },
      official: { accessKeyId: "AK_INI" },
    },
  },
  {
    name: "broken: ini section without type",
    inputs: () => ({ ...none, ini: "[default]\naccess_key_id = AK_NOTYPE\naccess_key_secret = S\n" }),
    difference: {
      reason: "we read a section without type as access_key (this runtime's existing behaviour); the official readers require type",
      ours: { accessKeyId: "AK_NOTYPE" },
      official: { error: true },
    },
  },
];
