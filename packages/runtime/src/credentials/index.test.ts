import { describe, expect, it } from "vitest";
import * as credentials from "./index.js";

describe("credentials index", () => {
  it("exports exactly the public runtime surface", () => {
    expect(Object.keys(credentials).sort()).toEqual([
      "DEFAULT_REFRESH_MARGIN_MS",
      "ForeignError",
      "cachedProvider",
      "defaultCredentialProvider",
      "describeCredentials",
      "fromAlicloudCredentials",
      "fromCliProfile",
      "fromCloudSso",
      "fromCredentialsUri",
      "fromEcsRamRole",
      "fromEnv",
      "fromExternalProcess",
      "fromIniFile",
      "fromOidcEnv",
      "fromOidcRoleArn",
      "fromRamRoleArn",
      "fromStatic",
      "maskAccessKeyId",
    ]);
  });

  it("exposes working functions", async () => {
    const c = await credentials.fromStatic({ accessKeyId: "AKIDWXYZ", accessKeySecret: "S" }).getCredentials();
    expect(credentials.describeCredentials(c)).toContain("****WXYZ");
  });
});
