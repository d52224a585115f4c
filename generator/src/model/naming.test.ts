import { describe, expect, it } from "vitest";
import { camelCase, kebabCase, operationNames, pascalCase } from "./naming.js";

describe("kebabCase", () => {
  it.each([
    ["CancelDataFlowSubTask", "cancel-data-flow-sub-task"],
    ["DescribeCPFSFilesets", "describe-cpfs-filesets"],
    ["CreateLDAPConfig", "create-ldap-config"],
    ["ModifyLdapconfig", "modify-ldapconfig"],
    ["DescribeNfsAcl", "describe-nfs-acl"],
    ["EnableSmbAcl", "enable-smb-acl"],
    ["CreateS3Bucket", "create-s3-bucket"],
    ["ListIPv6Addresses", "list-i-pv6-addresses"],
    ["DescribeZones2", "describe-zones2"],
    ["CPFS", "cpfs"],
  ])("%s → %s", (input, expected) => {
    expect(kebabCase(input)).toBe(expected);
  });
});

describe("pascalCase", () => {
  it.each([
    ["CancelDataFlowSubTask", "CancelDataFlowSubTask"],
    ["listTagResources", "ListTagResources"],
    ["get_user_info", "GetUserInfo"],
    ["CPFS", "CPFS"],
  ])("%s → %s", (input, expected) => {
    expect(pascalCase(input)).toBe(expected);
  });
});

describe("camelCase", () => {
  it.each([
    ["CancelDataFlowSubTask", "cancelDataFlowSubTask"],
    ["CPFSListFilesets", "cpfsListFilesets"],
    ["LDAPConfig", "ldapConfig"],
    ["S3Sync", "s3Sync"],
    ["Delete", "deleteOperation"],
  ])("%s → %s", (input, expected) => {
    expect(camelCase(input)).toBe(expected);
  });
});

describe("operationNames", () => {
  it("derives every public name from the product code and action", () => {
    expect(operationNames("nas", "CancelDataFlowSubTask")).toEqual({
      packageName: "@acs-modular/nas-cancel-data-flow-sub-task",
      packageDir: "packages/nas/cancel-data-flow-sub-task",
      functionName: "cancelDataFlowSubTask",
      inputType: "CancelDataFlowSubTaskInput",
      outputType: "CancelDataFlowSubTaskOutput",
      errorCodeType: "CancelDataFlowSubTaskErrorCode",
      errorType: "CancelDataFlowSubTaskError",
      documentedErrorType: "CancelDataFlowSubTaskDocumentedError",
      errorStatusMap: "CancelDataFlowSubTaskErrorStatus",
      errorGuard: "isCancelDataFlowSubTaskError",
      documentedErrorGuard: "isCancelDataFlowSubTaskDocumentedError",
      descriptorName: "cancelDataFlowSubTaskDescriptor",
      errorTableName: "cancelDataFlowSubTaskErrors",
      paginatorName: "paginateCancelDataFlowSubTask",
      itemsPaginatorName: "paginateCancelDataFlowSubTaskItems",
      itemType: "CancelDataFlowSubTaskItem",
      paginationName: "cancelDataFlowSubTaskPagination",
    });
  });
});

describe("operationNames of a lower-case action", () => {
  it("names the package and types from its Pascal form", () => {
    const n = operationNames("arms", "listTagResources");
    expect([n.packageName, n.functionName, n.inputType, n.errorGuard]).toEqual(["@acs-modular/arms-list-tag-resources", "listTagResources", "ListTagResourcesInput", "isListTagResourcesError"]);
  });
});
