import { expect, it } from "vitest";
import { authority, splitHost } from "./hostPort.js";

it("splits host and port, and joins them back as an authority", () => {
  expect(splitHost("nas.cn-hangzhou.aliyuncs.com")).toEqual(["nas.cn-hangzhou.aliyuncs.com", undefined]);
  expect(splitHost("127.0.0.1:8080")).toEqual(["127.0.0.1", 8080]);
  expect(splitHost("[::1]:8443")).toEqual(["::1", 8443]);
  expect(splitHost("[::1]")).toEqual(["::1", undefined]);
  expect(authority("::1", 443)).toBe("[::1]:443");
  expect(authority("ecs.aliyuncs.com", 443)).toBe("ecs.aliyuncs.com:443");
});
