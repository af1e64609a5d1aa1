import { test } from 'node:test';
import { detectSsrf } from './ssrf.js';
import { expectDetector } from './detectors.testkit.js';

test('ssrf: internal targets in any spelling, dangerous schemes', () => {
  expectDetector(detectSsrf, [
    ['http://169.254.169.254/latest/', 'ssrf.metadata'], ['http://10.1.1.1/', 'ssrf.private-ip'], ['http://[::1]/', 'ssrf.private-ip'],
    ['http://[fd00:ec2::254]/', 'ssrf.private-ip'], ['http://2130706433/', 'ssrf.obfuscated-ip'], ['http://0x7f.1/', 'ssrf.obfuscated-ip'],
    ['http://metadata.google.internal/', 'ssrf.internal-host'], ['http://localhost:3000', 'ssrf.internal-host'], ['gopher://x/_', 'ssrf.scheme'],
    ['file:///etc/hosts', 'ssrf.scheme'], ['http://10.0.0.1.nip.io/', 'ssrf.rebinding'], ['fetch http://192.168.1.1/x now', 'ssrf.private-ip'],
    ['http://a@127.0.0.1/', 'ssrf.private-ip'], ['169.254.169.254', 'ssrf.metadata'], ['http://[::ffff:10.0.0.1]/', 'ssrf.private-ip'],
  ], ['https://example.com/a?b=c', 'http://8.8.8.8/', 'Meet at 10:30', 'see https://docs.example.net/x:y', 'mailto:a@example.com', 'data:image/png;base64,AAAA', '10.0.0.1', 'urn:isbn:0451450523']);
});

test('ssrf: hosts judged in place and local schemes in any case', () => {
  expectDetector(detectSsrf, [
    ['http://EXAMPLE.LOCALHOST/', 'ssrf.internal-host'], ['http://x.internal/a', 'ssrf.internal-host'], ['jar:http://x!/', 'ssrf.scheme'],
    ['FILE:///etc/passwd', 'ssrf.scheme'], ['see dict://127.0.0.1:11211/', 'ssrf.scheme'], ['http://127.0.0.1.NIP.IO/', 'ssrf.rebinding'],
  ], ['https://shop.example.com/orders/1', 'a:b:file:x', '2026-11-25T15:00:00Z', 'Please deliver between 9:00 and 17:00.']);
});
