// Partner Center clouds: API base URL and Entra ID authority host.
// https://learn.microsoft.com/partner-center/developer/partner-center-rest-urls
// Choice: China uses login.chinacloudapi.cn (the PowerShell module's authority; an msal-known alias of
// login.partner.microsoftonline.cn). Germany is retired and not offered. The default scopes are the global
// Partner Center audience in every cloud (override appOnlyScope/userScope for 21Vianet if its tenant needs it).

export type CloudName = "global" | "usgov" | "china";

export interface Cloud {
  apiBaseUrl: string;
  authorityHost: string;
  /** Microsoft Graph root for GDAP (https://learn.microsoft.com/graph/deployments) */
  graphBaseUrl: string;
}

export const CLOUDS: Readonly<Record<CloudName, Cloud>> = {
  global: {
    apiBaseUrl: "https://api.partnercenter.microsoft.com",
    authorityHost: "https://login.microsoftonline.com",
    graphBaseUrl: "https://graph.microsoft.com",
  },
  usgov: {
    apiBaseUrl: "https://api.partnercenter.microsoft.com",
    authorityHost: "https://login.microsoftonline.us",
    graphBaseUrl: "https://graph.microsoft.us",
  },
  china: {
    apiBaseUrl: "https://partner.partnercenterapi.microsoftonline.cn",
    authorityHost: "https://login.chinacloudapi.cn",
    graphBaseUrl: "https://microsoftgraph.chinacloudapi.cn",
  },
};

export const DEFAULT_SCOPE = "https://api.partnercenter.microsoft.com/.default";
