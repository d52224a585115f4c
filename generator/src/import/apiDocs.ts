// TypeScript view of Alibaba Cloud's published API metadata, the "api-docs" format served at
// https://api.aliyun.com/meta/v1/products/<Product>/versions/<version>/api-docs.json (see
// ../shared/alibaba-metadata/README.md). Only the fields the importer reads are typed; the rest is `unknown`
// so that anything unexpected is reported rather than silently assumed.

/** A schema as the metadata writes it: numbers are often strings (`"minimum": "1"`), `required` is per field. */
export interface ApiDocsSchema {
  readonly type?: string;
  readonly format?: string;
  readonly title?: string;
  readonly description?: string;
  readonly required?: boolean | string | readonly string[];
  readonly enum?: readonly unknown[];
  readonly default?: unknown;
  readonly example?: unknown;
  readonly pattern?: string;
  readonly minimum?: number | string;
  readonly maximum?: number | string;
  readonly minLength?: number | string;
  readonly maxLength?: number | string;
  readonly minItems?: number | string;
  readonly maxItems?: number | string;
  readonly items?: ApiDocsSchema;
  readonly properties?: Readonly<Record<string, ApiDocsSchema>>;
  readonly additionalProperties?: boolean | ApiDocsSchema;
  readonly deprecated?: boolean;
  readonly $ref?: string;
  readonly [key: string]: unknown;
}

export interface ApiDocsParameter {
  readonly name: string;
  /** `query`, `body`, `formData`, `path`, `header`. */
  readonly in: string;
  /** `flat`, `json`, `repeatList`, `simple`; absent means flat. */
  readonly style?: string;
  readonly schema: ApiDocsSchema;
  readonly [key: string]: unknown;
}

export interface ApiDocsErrorCode {
  readonly errorCode: string;
  readonly errorMessage?: string;
  readonly description?: string;
}

export interface ApiDocsApi {
  readonly summary?: string;
  readonly title?: string;
  readonly description?: string;
  /** ROA only: the path template with `[Param]` placeholders. */
  readonly path?: string;
  readonly methods: readonly string[];
  readonly schemes?: readonly string[];
  /** Request content types (`application/json`, `application/octet-stream`, …). */
  readonly consumes?: readonly string[];
  /** Response content types. */
  readonly produces?: readonly string[];
  /** Alternative security schemes: `[{ AK: [] }, { BearerToken: [] }]`; `[]` or `[{ Anonymous: [] }]` when none. */
  readonly security?: readonly Readonly<Record<string, unknown>>[];
  readonly deprecated?: boolean;
  readonly operationType?: string;
  readonly systemTags?: { readonly operationType?: string };
  readonly parameters?: readonly ApiDocsParameter[];
  readonly responses?: Readonly<Record<string, { readonly schema?: ApiDocsSchema; readonly [key: string]: unknown }>>;
  readonly errorCodes?: Readonly<Record<string, readonly ApiDocsErrorCode[]>>;
  /** A JSON string: `[{ "type": "json", "example": "<JSON text>" }, { "type": "xml", ... }]`. */
  readonly responseDemo?: string;
  readonly [key: string]: unknown;
}

export interface ApiDocs {
  readonly version?: string;
  readonly info: { readonly style: string; readonly product: string; readonly version: string; readonly title?: string };
  readonly components?: { readonly schemas?: Readonly<Record<string, ApiDocsSchema>> };
  readonly apis: Readonly<Record<string, ApiDocsApi>>;
  readonly endpoints?: readonly { readonly regionId: string; readonly endpoint: string }[];
}
