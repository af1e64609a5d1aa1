/**
 * What the handler-code analyzer finds: AWS SDK calls with their source location and the
 * request parameters that name resources. File analysis is independent of any function
 * (one parse per file per scan); environment variables are resolved later, per function.
 */
import type { Location } from '../../model/types.js';

/** How a value passed to an SDK call was written, as far as static analysis can tell. */
export type ParamValue =
  /** A string literal (or a template/f-string without placeholders). */
  | { kind: 'literal'; value: string }
  /** A template literal / f-string / concatenation with static parts: `uploads/${id}` → `uploads/*`. */
  | { kind: 'pattern'; value: string }
  /** `process.env.X`, `process.env['X']`, `os.environ['X']`, `os.environ.get('X')`, `os.getenv('X')`. */
  | { kind: 'env'; name: string }
  /** Anything else (a variable from the event, a function result…). */
  | { kind: 'dynamic'; expr: string };

/** The SDK surface a call was written against. */
export type CallForm =
  | 'js-v3-command'       // client.send(new GetObjectCommand({...}))
  | 'js-v3-aggregated'    // new S3({}).getObject({...})
  | 'js-v3-paginator'     // paginateListObjectsV2({ client }, {...})
  | 'js-v3-presign'       // getSignedUrl(client, new GetObjectCommand({...}))
  | 'js-lib-dynamodb'     // DynamoDBDocumentClient / DynamoDBDocument
  | 'js-lib-storage'      // new Upload({ client, params })
  | 'js-v2'               // new AWS.S3().getObject(...).promise()
  | 'js-v2-document-client'
  | 'py-boto3-client'     // boto3.client('s3').get_object(...)
  | 'py-boto3-paginator'  // client.get_paginator('list_objects_v2').paginate(...)
  | 'py-boto3-resource';  // boto3.resource('dynamodb').Table(x).get_item(...)

export interface SdkCall {
  language: 'js' | 'python';
  form: CallForm;
  /** The SDK's own service name as written or implied: `client-s3`, `S3`, `s3`, `dynamodb`… */
  sdkService: string;
  /** The service's IAM prefix (`s3`, `logs`, `states`…), or undefined when it is not known. */
  service?: string;
  /**
   * The API operation in the service's API naming (`GetObject`, `ListObjectsV2`), after SDK
   * conveniences are translated (lib-dynamodb `GetCommand` → `GetItem`, boto3 `upload_file`
   * → `Upload`). IAM actions are derived from this in `analyzers/iam/generate/map.ts`.
   */
  operation: string;
  /** How the call was written, for messages: `s3.getObject`, `GetObjectCommand`, `table.get_item`. */
  written: string;
  loc: Location;
  /** Request parameters that may name resources (Bucket, Key, TableName, QueueUrl…), several values possible. */
  params: Record<string, ParamValue[]>;
  /** Every property name seen in the request literal (TransactItems entries: Put, Update…). */
  argKeys: string[];
}

/** A place where code reaches AWS in a way static analysis cannot follow. */
export interface DynamicUse {
  loc: Location;
  reason: string;
}

export interface FileAnalysis {
  /** Relative to the scan root. */
  file: string;
  calls: SdkCall[];
  dynamic: DynamicUse[];
  /** Relative imports (already resolved to root-relative paths when the file exists). */
  imports: { spec: string; resolved?: string; loc: Location }[];
  /** Set when the file could not be parsed; the message is one line. */
  parseError?: string;
  /** Line of the first syntax error, when known. */
  parseErrorLine?: number;
}

export interface CodeAnalysis {
  /** Function id the analysis belongs to. */
  functionId: string;
  /** The handler's entry file, when it was found. */
  entry?: string;
  /** Every file read, entry first. */
  files: string[];
  calls: SdkCall[];
  dynamic: DynamicUse[];
  /**
   * True when every SDK use in every reachable file was understood: the entry exists, every
   * relative import was found and parsed, no dynamic client/command/method was seen, and the
   * file limit was not reached. Only then may "unused permission" be claimed.
   */
  complete: boolean;
  /** Why the analysis is not complete, one line each. */
  gaps: string[];
  /** One-line warnings for the user (unparseable files). */
  warnings: { file: string; line?: number; message: string }[];
}
