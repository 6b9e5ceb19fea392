// Every wire model, one module per API area.
export * from "./common";
export * from "./customers";
export * from "./users";
export * from "./roles";
export * from "./licenses";
export * from "./subscriptions";
export * from "./orders";
export * from "./entitlements";
export * from "./budget";
export * from "./domains";
export * from "./agreements";
export * from "./validations";
export * from "./qualifications";
export * from "./selfServePolicies";
