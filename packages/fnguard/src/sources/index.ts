/**
 * The sources, in the order they load: a source that includes other files (serverless.yml
 * `${file(…)}` resources) runs before the source that would otherwise load them on their own.
 */
import type { Source } from './types.js';
import { serverlessSource } from './serverless/index.js';
import { cloudFormationSource } from './cloudformation/index.js';
import { terraformSource } from './terraform/index.js';
import { armSource } from './azure/arm.js';
import { azureFunctionsSource } from './azure/functions-project.js';

export const SOURCES: readonly Source[] = [
  serverlessSource,
  cloudFormationSource,
  terraformSource,
  armSource,
  azureFunctionsSource,
];
