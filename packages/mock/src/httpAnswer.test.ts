import { ServiceError } from "@acs-modular/runtime";
import { describe, expect, it } from "vitest";
import { errorAnswer } from "./errorAnswer.js";
import { documentedStatus, errorReply, errorResponse, outputResponse, serviceErrorOf, type AnswerContext } from "./httpAnswer.js";

const context: AnswerContext = { product: "NAS", host: "nas.cn-hangzhou.aliyuncs.com", documentedErrors: undefined, requestId: "RID-1" };

describe("outputResponse", () => {
  it("answers 200 with the output as JSON and the request id in body and header", () => {
    const response = outputResponse({ DataFlowId: "df-1" }, context);
    expect(response.status).toBe(200);
    expect(response.headers).toEqual({ "content-type": "application/json;charset=utf-8", "x-acs-request-id": "RID-1" });
    expect(JSON.parse(response.body as string)).toEqual({ RequestId: "RID-1", DataFlowId: "df-1" });
  });

  it("keeps a RequestId the output gives, in the header too", () => {
    const response = outputResponse({ RequestId: "mine", DataFlowId: "df-1" }, context);
    expect(JSON.parse(response.body as string)).toEqual({ RequestId: "mine", DataFlowId: "df-1" });
    expect(response.headers["x-acs-request-id"]).toBe("mine");
  });

  it("sends an array as it is", () => {
    expect(outputResponse([1, 2], context).body).toBe("[1,2]");
  });
});

describe("errorReply", () => {
  it("builds Alibaba Cloud's error body with realistic defaults, status 400", () => {
    expect(errorReply(errorAnswer("IllegalCharacters"), context)).toEqual({
      status: 400,
      body: {
        RequestId: "RID-1",
        HostId: "nas.cn-hangzhou.aliyuncs.com",
        Code: "IllegalCharacters",
        Message: "Mocked IllegalCharacters.",
        Recommend: "https://api.aliyun.com/troubleshoot?q=IllegalCharacters&product=NAS&requestId=RID-1",
      },
    });
  });

  it("uses every option given", () => {
    const options = { httpStatus: 404, message: "gone", requestId: "R", hostId: "h", recommend: "r" };
    expect(errorReply(errorAnswer("InvalidFileSystem.NotFound", options), context)).toEqual({
      status: 404,
      body: { RequestId: "R", HostId: "h", Code: "InvalidFileSystem.NotFound", Message: "gone", Recommend: "r" },
    });
  });

  it("takes the status the operation documents, then the common codes' 5xx, then 400", () => {
    const documented = { ...context, documentedErrors: { "InvalidFileSystem.NotFound": [404], "OperationDenied.NoStock": 403 } };
    expect(errorReply(errorAnswer("InvalidFileSystem.NotFound"), documented).status).toBe(404);
    expect(errorReply(errorAnswer("OperationDenied.NoStock"), documented).status).toBe(403);
    expect(errorReply(errorAnswer("OperationDenied.NoStock", { httpStatus: 409 }), documented).status).toBe(409);
    expect(errorReply(errorAnswer("InternalError"), documented).status).toBe(500);
    expect(errorReply(errorAnswer("ServiceUnavailable"), context).status).toBe(503);
    expect(errorReply(errorAnswer("Throttling.User"), context).status).toBe(400);
  });

  it("answers the error as JSON with its request id in the header", () => {
    const response = errorResponse(errorReply(errorAnswer("X"), context));
    expect(response.status).toBe(400);
    expect(response.headers["x-acs-request-id"]).toBe("RID-1");
    expect(JSON.parse(response.body as string)).toMatchObject({ Code: "X", RequestId: "RID-1" });
  });

  it("gives the history a ServiceError with the fields the caller's has", () => {
    const error = serviceErrorOf(errorReply(errorAnswer("X", { httpStatus: 404, message: "gone" }), context), { product: "NAS", action: "DescribeDataFlows" });
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).toMatchObject({ action: "DescribeDataFlows", product: "NAS", code: "X", httpStatus: 404, serviceMessage: "gone", requestId: "RID-1", hostId: context.host });
  });
});

describe("documentedStatus", () => {
  it("reads a number or the first of a list, and nothing else", () => {
    expect(documentedStatus({ A: 404 }, "A")).toBe(404);
    expect(documentedStatus({ A: [403, 404] }, "A")).toBe(403);
    expect(documentedStatus({ A: "404" }, "A")).toBeUndefined();
    expect(documentedStatus({ A: 200 }, "A")).toBeUndefined();
    expect(documentedStatus({ A: [] }, "A")).toBeUndefined();
    expect(documentedStatus({}, "toString")).toBeUndefined();
    expect(documentedStatus(undefined, "A")).toBeUndefined();
    expect(documentedStatus("A", "A")).toBeUndefined();
  });
});
