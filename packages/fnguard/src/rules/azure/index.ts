import type { Rule } from '../define.js';
import basicPublishing from './basic-publishing.js';
import clientCert from './client-cert.js';
import corsAnyOrigin from './cors-any-origin.js';
import ftpDeploy from './ftp-deploy.js';
import hostVersionEol from './host-version-eol.js';
import httpAnonymous from './http-anonymous.js';
import httpsOnly from './https-only.js';
import minTls from './min-tls.js';
import noAppInsights from './no-app-insights.js';
import noManagedIdentity from './no-managed-identity.js';
import publicNetwork from './public-network.js';
import remoteDebugging from './remote-debugging.js';
import runtimeEol from './runtime-eol.js';
import secretInAppSettings from './secret-in-app-settings.js';
import storageAccountKey from './storage-account-key.js';

export const azureRules: Rule[] = [
  httpsOnly,
  ftpDeploy,
  basicPublishing,
  minTls,
  corsAnyOrigin,
  noManagedIdentity,
  secretInAppSettings,
  httpAnonymous,
  remoteDebugging,
  noAppInsights,
  publicNetwork,
  storageAccountKey,
  clientCert,
  hostVersionEol,
  runtimeEol,
];
