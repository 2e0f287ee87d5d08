#!/usr/bin/env node
// Remote control of Debian's headless Chromium for the browser tests (tests/browser/BrowserTest.cpp): the C++
// test starts Prosody, the bridge simulator and the focus, then runs this script and sends it one JSON command
// per line on stdin; each gets one JSON answer line on stdout, {"ok":true,"value":...} or
// {"ok":false,"error":"..."}. Nothing here knows the scenario: the assertions live in the C++ test.
//
//   {"cmd":"open","page":"a","url":"http://..."}            a new browser context (own storage) and page
//   {"cmd":"eval","page":"a","js":"expression"}             its value (JSON-serialisable)
//   {"cmd":"waitFor","page":"a","js":"expression","timeoutMs":20000}
//                                                           polls until truthy; answers its value
//   {"cmd":"screenshot","page":"a","path":"/x.png","width":1200,"height":700}
//   {"cmd":"close","page":"a"}                              closes the page and its context
//   {"cmd":"quit"}                                          closes the browser and exits (so does EOF)
//
// The page's console warnings and errors and uncaught exceptions go to stderr, prefixed with the page name.
// Chromium: /usr/bin/chromium (JICOFO_CHROMIUM overrides), never a downloaded browser; a fake camera and
// microphone; no network beyond loopback is needed.
import { chromium } from 'playwright-core';
import { createInterface } from 'node:readline';

const executablePath = process.env.JICOFO_CHROMIUM || '/usr/bin/chromium';
const pages = new Map();
let browser = null;

function reply(answer) {
    process.stdout.write(JSON.stringify(answer) + '\n');
}

async function start() {
    // launch() runs Chromium on a fresh temporary profile (--user-data-dir) that it removes at close; each
    // page then gets a context of its own, so the clients share no storage.
    browser = await chromium.launch({
        executablePath,
        headless: true,
        args: [
            '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-dev-shm-usage',
            '--disable-background-networking', '--disable-component-update', '--disable-sync',
            '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream',
            '--autoplay-policy=no-user-gesture-required'
        ]
    });
}

function page(name) {
    const p = pages.get(name);
    if (!p) throw new Error(`no page named ${name}`);
    return p.page;
}

async function open(name, url) {
    if (pages.has(name)) throw new Error(`page ${name} is already open`);
    const context = await browser.newContext({ viewport: { width: 1200, height: 760 } });
    await context.grantPermissions(['camera', 'microphone']);
    const p = await context.newPage();
    p.on('console', m => {
        if (m.type() === 'error' || m.type() === 'warning') process.stderr.write(`[${name}] ${m.type()}: ${m.text()}\n`);
    });
    p.on('pageerror', e => process.stderr.write(`[${name}] uncaught: ${e.stack || e}\n`));
    pages.set(name, { context, page: p });
    const response = await p.goto(url);
    if (!response || !response.ok()) throw new Error(`GET ${url}: ${response ? response.status() : 'no answer'}`);
    return response.status();
}

async function run(c) {
    switch (c.cmd) {
        case 'open':
            return open(c.page, c.url);
        case 'eval':
            return page(c.page).evaluate(c.js);
        case 'waitFor': {
            const handle = await page(c.page).waitForFunction(c.js, null,
                { timeout: c.timeoutMs || 20000, polling: 100 });
            return handle.jsonValue();
        }
        case 'screenshot': {
            const p = page(c.page);
            if (c.width && c.height) await p.setViewportSize({ width: c.width, height: c.height });
            await p.screenshot({ path: c.path, fullPage: !!c.fullPage });
            return c.path;
        }
        case 'close': {
            const p = pages.get(c.page);
            if (p) {
                pages.delete(c.page);
                await p.context.close();
            }
            return true;
        }
        case 'quit':
            return 'bye';
        default:
            throw new Error(`unknown command ${c.cmd}`);
    }
}

async function quit(code) {
    try {
        if (browser) await browser.close();
    } finally {
        process.exit(code);
    }
}

async function main() {
    try {
        await start();
    } catch (e) {
        reply({ ok: false, error: `cannot start ${executablePath}: ${e.message}` });
        return quit(1);
    }
    reply({ ok: true, value: browser.version() });
    const lines = createInterface({ input: process.stdin });
    for await (const line of lines) {
        if (!line.trim()) continue;
        let c;
        try {
            c = JSON.parse(line);
        } catch (e) {
            reply({ ok: false, error: `not JSON: ${line}` });
            continue;
        }
        try {
            const value = await run(c);
            reply({ ok: true, value: value === undefined ? null : value });
        } catch (e) {
            reply({ ok: false, error: String(e && e.message || e) });
        }
        if (c.cmd === 'quit') break;
    }
    await quit(0);
}

main();
