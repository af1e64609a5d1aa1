/**
 * Random, malformed serverless.yml and CloudFormation documents must never throw out of the AWS
 * sources: every file ends as model nodes or diagnostics. Deterministic (seeded) inputs.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emptyModel } from '../../model/types.js';
import type { SourceContext, SourceFile } from '../types.js';
import { loadServerlessFile } from '../serverless/index.js';
import { loadTemplate } from '../cloudformation/index.js';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const WORDS = ['Ref', 'Fn::GetAtt', 'Fn::Sub', 'Fn::Join', 'Fn::If', 'Type', 'Properties', 'Role', 'Policies', 'Events', 'Statement',
  'Action', 'Resource', 'Effect', 'handler', 'events', 'http', 'httpApi', 'sqs', 'stream', 'url', 'role', 'iamRoleStatements',
  'environment', 'vpc', 'layers', 'provider', 'functions', 'resources', 'Resources', 'Globals', 'Function', 'Api', 'Auth',
  'AWS::Serverless::Function', 'AWS::Lambda::Function', 'AWS::IAM::Role', 'AWS::Lambda::Permission', 'AWS::Logs::LogGroup',
  '${self:custom.a}', '${opt:stage, "dev"}', '${file(./x.yml)}', '${file(../../etc/passwd)}', '${ssm:/a}', '${env:HOME}',
  '${self:${self:x}}', '${', '}', '${AWS::Region}', 'arn:aws:iam::1:role/x', '*', 'authorizer', 'aws_iam', 'NONE', 'Api',
  'AWS::Serverless::Connector', 'Connectors', 'Source', 'Destination', 'Id', 'Permissions', 'AWS::ApiGateway::Method',
  'AWS::ApiGatewayV2::Route', 'AWS::WAFv2::WebACLAssociation', 'Integration', 'Uri', 'FunctionName', 'LogGroupName'];

function value(r: () => number, depth: number): unknown {
  const pick = r();
  const word = WORDS[Math.floor(r() * WORDS.length)]!;
  if (depth > 5 || pick < 0.3) return word;
  if (pick < 0.38) return Math.floor(r() * 100);
  if (pick < 0.42) return null;
  if (pick < 0.46) return r() < 0.5;
  if (pick < 0.7) return Array.from({ length: Math.floor(r() * 4) }, () => value(r, depth + 1));
  const o: Record<string, unknown> = {};
  const n = Math.floor(r() * 5);
  for (let i = 0; i < n; i++) o[WORDS[Math.floor(r() * WORDS.length)]!] = value(r, depth + 1);
  return o;
}

function ctxFor(): { ctx: SourceContext; warnings: number } {
  const model = emptyModel('/nowhere');
  const state = { ctx: undefined as unknown as SourceContext, warnings: 0 };
  state.ctx = {
    root: '/nowhere',
    model,
    readFile: () => undefined,
    listDir: () => undefined,
    consume: () => {},
    keep: () => {},
    warn: () => {
      state.warnings++;
    },
    info: () => {},
  };
  return state;
}

test('random serverless configs never throw', () => {
  const r = rng(42);
  for (let i = 0; i < 400; i++) {
    const doc = { service: 's', provider: value(r, 1), functions: value(r, 1), resources: value(r, 1), custom: value(r, 1) };
    const file: SourceFile = { path: 'serverless.json', abs: '/nowhere/serverless.json', text: JSON.stringify(doc) };
    const { ctx } = ctxFor();
    assert.doesNotThrow(() => loadServerlessFile(file, ctx), `input ${i}: ${file.text.slice(0, 300)}`);
  }
});

test('random CloudFormation templates never throw', () => {
  const r = rng(7);
  const types = WORDS.filter((w) => w.startsWith('AWS::'));
  for (let i = 0; i < 400; i++) {
    const resources: Record<string, unknown> = {};
    for (let j = 0; j < 4; j++) {
      resources[`R${j}`] = { Type: types[Math.floor(r() * types.length)], Properties: value(r, 1) };
    }
    const doc = { AWSTemplateFormatVersion: '2010-09-09', Globals: value(r, 1), Parameters: value(r, 1), Resources: resources };
    const file: SourceFile = { path: 't.json', abs: '/nowhere/t.json', text: JSON.stringify(doc) };
    const { ctx } = ctxFor();
    assert.doesNotThrow(() => loadTemplate(file, ctx), `input ${i}: ${file.text.slice(0, 300)}`);
  }
});
