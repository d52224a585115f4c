// The products this suite covers: where their metadata lives, which official SDK speaks for them, and where
// our generated packages for them appear.

/** A product code as this suite names it (also the folder `packages/<code>/`). */
export type ProductCode = "nas" | "ecs" | "vpc" | "cs" | "fc";

export interface Product {
  readonly code: ProductCode;
  /** API version, as in the metadata file name and the official SDK's `x-acs-version`. */
  readonly version: string;
  /** The official Node SDK on npm (a devDependency of this package, test-only). */
  readonly sdk: string;
  /** `info.style` of the metadata: how requests are shaped. */
  readonly style: "RPC" | "ROA" | "FC";
}

export const PRODUCTS: Readonly<Record<ProductCode, Product>> = {
  nas: { code: "nas", version: "2017-06-26", sdk: "@alicloud/nas20170626", style: "RPC" },
  ecs: { code: "ecs", version: "2014-05-26", sdk: "@alicloud/ecs20140526", style: "RPC" },
  vpc: { code: "vpc", version: "2016-04-28", sdk: "@alicloud/vpc20160428", style: "RPC" },
  cs: { code: "cs", version: "2015-12-15", sdk: "@alicloud/cs20151215", style: "ROA" },
  fc: { code: "fc", version: "2023-03-30", sdk: "@alicloud/fc20230330", style: "FC" },
};
