/**
 * The normalised, cloud-neutral model every rule is written against.
 * Sources (one per IaC format) build it; rules only read it. Every node and every
 * security-relevant property carries the Location it came from, so findings point
 * at the offending line without re-searching text.
 */

export type Cloud = 'aws' | 'azure' | 'gcp';

export type SourceFormat =
  | 'serverless'
  | 'cloudformation'
  | 'terraform'
  | 'arm'
  | 'azure-functions';

/** A place in a scanned file. `file` is relative to the scan root, with forward slashes. */
export interface Location {
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column, when the parser knows it. */
  column?: number;
  endLine?: number;
}

/**
 * A property read from a template, with where it was written.
 * `value` is undefined when it cannot be known statically (a reference to a parameter
 * without default, an SSM lookup, a Terraform variable with no value…); `expr` then holds
 * the expression as written, so rules can decide conservatively and messages can show it.
 */
export interface Prop<T> {
  value?: T;
  expr?: string;
  loc: Location;
  /** True when the value was inherited (SAM Globals, serverless provider block, module default). */
  inherited?: boolean;
}

// ---------------------------------------------------------------- identities (IAM)

/** One IAM-style statement, cloud-neutral enough for AWS; Azure/GCP use RoleBinding. */
export interface Statement {
  sid?: string;
  effect: 'Allow' | 'Deny';
  /** Exactly one of action / notAction is set (an empty list means "none written"). */
  action?: string[];
  notAction?: string[];
  /** Exactly one of resource / notResource is set for identity policies. Unresolvable references
   *  are rendered as `${...}` strings (e.g. `${MyTable.Arn}`) and treated as specific resources. */
  resource?: string[];
  notResource?: string[];
  /** Principal as written, for resource and trust policies: `*`, or { AWS: [...], Service: [...] }. */
  principal?: '*' | Record<string, string[]>;
  notPrincipal?: '*' | Record<string, string[]>;
  /** operator -> condition key -> values */
  condition?: Record<string, Record<string, string[]>>;
  loc: Location;
  /** True when parts of the statement could not be resolved (then action/resource may be partial). */
  partial?: boolean;
}

export interface PolicyDocument {
  /** Policy name or logical id, for messages. */
  name: string;
  loc: Location;
  statements: Statement[];
  /** Where the document is attached from: inline on the role, a managed policy resource, … */
  kind: 'inline' | 'managed' | 'resource' | 'trust' | 'boundary';
}

/** Azure role assignment or GCP IAM binding granted to an identity. */
export interface RoleBinding {
  role: Prop<string>;
  /** Azure scope (subscription / resource group / resource id) or GCP resource (project, bucket…). */
  scope: Prop<string>;
  /** Scope level, normalised: 'subscription' | 'resource-group' | 'resource' | 'project' | 'organization' | 'folder' | 'unknown'. */
  scopeLevel: 'subscription' | 'management-group' | 'resource-group' | 'resource' | 'project' | 'organization' | 'folder' | 'unknown';
  loc: Location;
  /** For custom role definitions found in the same templates: their permitted actions. */
  customActions?: string[];
}

export interface Identity {
  /** Stable id inside the model, e.g. `aws:role:template.yaml#LambdaRole`. */
  id: string;
  cloud: Cloud;
  kind: 'aws-iam-role' | 'aws-iam-user' | 'azure-managed-identity' | 'gcp-service-account';
  name: string;
  loc: Location;
  /** ARN / principal id / e-mail when known. */
  arn?: Prop<string>;
  /** Defined outside the scanned files (e.g. `role: arn:aws:iam::…`) – permissions unknown. */
  external?: boolean;
  /** Identity created implicitly by the platform/framework (serverless default role, SAM generated role). */
  generated?: boolean;
  /** GCP default compute / App Engine service account; Azure: system-assigned. */
  isDefault?: boolean;
  policies: PolicyDocument[];
  /** Managed policies attached by ARN (AWS) – contents may come from the IAM dataset. */
  managedPolicyArns: Prop<string>[];
  trustPolicy?: PolicyDocument;
  permissionsBoundary?: Prop<string>;
  roleBindings: RoleBinding[];
}

// ---------------------------------------------------------------- triggers

export type TriggerKind =
  | 'http'          // API Gateway REST/HTTP, Azure HTTP trigger, GCP HTTP function
  | 'function-url'  // Lambda function URL
  | 'alb'
  | 'queue'         // SQS, Azure Storage queue / Service Bus queue
  | 'topic'         // SNS, Pub/Sub, Service Bus topic
  | 'storage'       // S3, Blob, GCS
  | 'stream'        // Kinesis, DynamoDB streams, Event Hubs
  | 'schedule'
  | 'eventbridge'
  | 'other';

export type AuthType =
  | 'none'
  | 'aws-iam'
  | 'cognito'
  | 'jwt'
  | 'custom-authorizer'
  | 'api-key'
  | 'function-key'  // Azure authLevel function/admin
  | 'gcp-iam'
  | 'unknown';

export interface Trigger {
  kind: TriggerKind;
  /** Concrete service: 'apigw-rest', 'apigw-http', 'lambda-url', 'sqs', 'sns', 's3', 'kinesis',
   *  'dynamodb', 'azure-http', 'azure-queue', 'gcp-http', 'gcp-pubsub', … */
  service: string;
  loc: Location;
  method?: string;
  path?: string;
  auth?: Prop<AuthType>;
  /** Id of the API (see Model.apis) this endpoint belongs to, when known. */
  apiId?: string;
  /** Source resource (queue ARN, bucket, topic…) as written. */
  source?: Prop<string>;
  cors?: Prop<string[]>;
  /** Request validation configured at the gateway (validator / schema). */
  requestValidation?: Prop<boolean>;
  /** Batch / queue specifics. */
  batchSize?: Prop<number>;
  /** Whether this trigger can be reached from the internet (HTTP without private endpoint, URL…). */
  public?: boolean;
}

/** An API front door shared by several endpoints (API Gateway stage, HTTP API, Azure APIM…). */
export interface Api {
  id: string;
  cloud: Cloud;
  kind: 'apigw-rest' | 'apigw-http' | 'apigw-websocket' | 'other';
  name: string;
  loc: Location;
  /** Private (VPC endpoint only) APIs are not internet facing. */
  endpointType?: Prop<string>;
  throttling?: { burst?: Prop<number>; rate?: Prop<number> };
  accessLogging?: Prop<boolean>;
  tracing?: Prop<boolean>;
  waf?: Prop<string>;
  /** Default authorizer for all routes. */
  defaultAuth?: Prop<AuthType>;
  minTls?: Prop<string>;
  cacheEncrypted?: Prop<boolean>;
  clientCertificate?: Prop<boolean>;
  /** Resource policy on the API. */
  resourcePolicy?: PolicyDocument;
}

// ---------------------------------------------------------------- function parts

export type SecretStore =
  | 'aws-secrets-manager'
  | 'aws-ssm'
  | 'azure-key-vault'
  | 'gcp-secret-manager';

export interface EnvVar {
  name: string;
  /** The literal value when static; undefined when it is a reference. Never print it unredacted. */
  value?: string;
  expr?: string;
  loc: Location;
  /** Value is a reference to a secret store (resolved at deploy or run time). */
  secretRef?: SecretStore;
  inherited?: boolean;
}

export interface Network {
  loc: Location;
  /** Function attached to a VPC / VNet / VPC connector. */
  attached: boolean;
  subnetIds?: Prop<string[]>;
  securityGroupIds?: Prop<string[]>;
  /** GCP: 'ALL_TRAFFIC' | 'PRIVATE_RANGES_ONLY'; Azure: vnet route all. */
  egress?: Prop<string>;
  /** GCP ingress settings / Azure public network access. */
  ingress?: Prop<string>;
  inherited?: boolean;
}

export interface Layer {
  ref: Prop<string>;
  /** Parsed from a layer ARN. */
  account?: string;
  version?: string;
}

export interface Permission {
  /** Resource-based grant to invoke the function: Lambda permission, GCP invoker binding. */
  principal: Prop<string>;
  action?: Prop<string>;
  sourceArn?: Prop<string>;
  sourceAccount?: Prop<string>;
  /** For lambda:InvokeFunctionUrl permissions. */
  functionUrlAuthType?: Prop<string>;
  /** Conditions or other constraints, as written. */
  conditions?: string[];
  loc: Location;
}

/** Cloud-specific settings that have no neutral equivalent. Rules for one cloud read their own. */
export interface AzureSettings {
  httpsOnly?: Prop<boolean>;
  ftpsState?: Prop<string>;
  minTlsVersion?: Prop<string>;
  clientCertEnabled?: Prop<boolean>;
  cors?: Prop<string[]>;
  authEnabled?: Prop<boolean>;
  remoteDebugging?: Prop<boolean>;
  publicNetworkAccess?: Prop<boolean>;
  http2?: Prop<boolean>;
  basicPublishingCredentials?: Prop<boolean>;
  /** Storage account connection or key in app settings instead of identity-based connection. */
  storageUsesKey?: Prop<boolean>;
  appInsights?: Prop<boolean>;
  /** Functions host version (FUNCTIONS_EXTENSION_VERSION, e.g. `~4`). */
  functionsVersion?: Prop<string>;
  /** Inbound access restrictions (IP / service-tag / VNet rules, or default action Deny) are configured. */
  accessRestricted?: Prop<boolean>;
}

export interface GcpSettings {
  generation?: 1 | 2;
  ingress?: Prop<string>;
  /** `secret_environment_variables` / `secret_volumes` entries. */
  secretEnv?: Prop<string>[];
  dockerRegistry?: Prop<string>;
  /** Service account explicitly set? */
  serviceAccountSet?: boolean;
  httpsTriggerSecurity?: Prop<string>;
  buildServiceAccountSet?: boolean;
}

export interface FunctionNode {
  /** Stable id inside the model: `<file>#<logical name>`. */
  id: string;
  name: string;
  cloud: Cloud;
  format: SourceFormat;
  loc: Location;
  runtime?: Prop<string>;
  handler?: Prop<string>;
  /** Directory or file of the function code, relative to the scan root (when it is inside it). */
  codePath?: string;
  /** Packaging as image (no runtime to check). */
  packageType?: Prop<string>;
  identityId?: string;
  /** Further identities the function can use (Azure user-assigned identities besides identityId). */
  additionalIdentityIds?: string[];
  /** Where the identity was set on the function (role: …), for findings on it. */
  identityLoc?: Location;
  triggers: Trigger[];
  env: EnvVar[];
  network?: Network;
  /** Customer key for environment / code encryption (Lambda KmsKeyArn, GCP kms_key_name). */
  kmsKey?: Prop<string>;
  tracing?: Prop<boolean>;
  /** Log retention in days; 0 or undefined means never expires / not set. */
  logRetentionDays?: Prop<number>;
  logGroupDefined?: boolean;
  reservedConcurrency?: Prop<number>;
  timeoutSeconds?: Prop<number>;
  memoryMb?: Prop<number>;
  layers: Layer[];
  codeSigning?: Prop<string>;
  deadLetter?: Prop<string>;
  permissions: Permission[];
  azure?: AzureSettings;
  gcp?: GcpSettings;
  tags?: Record<string, string>;
}

/** Account/subscription-wide controls seen in the templates (audit logging and similar). */
export interface AuditTrail {
  cloud: Cloud;
  kind: 'cloudtrail' | 'azure-diagnostic-setting' | 'gcp-audit-config';
  loc: Location;
  multiRegion?: Prop<boolean>;
  logFileValidation?: Prop<boolean>;
  kmsKey?: Prop<string>;
  dataEvents?: Prop<boolean>;
}

export interface ScannedFile {
  /** Relative to the scan root. */
  path: string;
  format: SourceFormat | 'code' | 'manifest';
  /** Text of the file, kept so suppression comments can be read. */
  text?: string;
}

export type DiagnosticLevel = 'warning' | 'info';

/** Something a user should know about the scan itself: a skipped file, an unresolved include… */
export interface Diagnostic {
  level: DiagnosticLevel;
  file: string;
  line?: number;
  message: string;
}

export interface Model {
  /** Absolute path of the scan root. */
  root: string;
  functions: FunctionNode[];
  identities: Map<string, Identity>;
  apis: Map<string, Api>;
  auditTrails: AuditTrail[];
  files: ScannedFile[];
  /** Every regular file under the root (relative paths), for code and manifest analyzers. */
  paths: string[];
  diagnostics: Diagnostic[];
}

export function emptyModel(root: string): Model {
  return {
    root,
    functions: [],
    identities: new Map(),
    apis: new Map(),
    auditTrails: [],
    files: [],
    paths: [],
    diagnostics: [],
  };
}
