/** Written into every generated file's header; bump it when the emitted output changes shape. */
export const GENERATOR_VERSION = "0.1.0";
