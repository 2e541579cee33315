/**
 * The @forge/bridge host of the pages. Custom UI runs in an iframe at /static/<resource>/index.html (served
 * from the manifest resource's folder); a script injected before the app's bundle defines
 * `window.__bridge.callBridge(name, payload)` (what @forge/bridge calls), forwarding each call to the parent
 * page by postMessage. The parent answers: `invoke` (POST /_sandbox/invoke, the resolver as Forge calls it),
 * `getContext`, `refresh`, `submit`/`close` (modals), `open`, and the cosmetic calls (`enableTheming`,
 * `emitReadyEvent`, `changeWindowTitle`, `showFlag`), `events.on('JIRA_ISSUE_CHANGED')`, relayed when the
 * issue's `updated` moves (the host polls /_sandbox/ui/issue-changed every 2 seconds, with the payload Jira's
 * issue view sends: issueId, projectId, changes), and the app's own events (`events.emit` / `events.on`, which
 * "allow different Custom UI extensions within the same app to communicate with each other":
 * https://developer.atlassian.com/platform/forge/custom-ui-bridge/events/), delivered to the app's other frames
 * on the page that listen (the docs are silent on the emitter hearing itself: here it does not); `emitPublic` and
 * anything else are refused with a clear error.
 * The iframe's html element carries the theme as Jira sets it (data-color-mode, data-theme), from ?theme=.
 */
import type { FastifyInstance } from 'fastify';
import { readFile } from 'fs/promises';
import { extname, normalize, relative, resolve, sep } from 'path';
import { forgeCsp, type ContentPermissions } from './csp';

// @fastify/static would do, but its content-disposition dependency is ESM-only, which Jest on Node 20 cannot load.
const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.html': 'text/html',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

/** Runs inside the Custom UI iframe, before the app's bundle. */
export const FRAME_SCRIPT = `(function () {
  var params = new URLSearchParams(location.search);
  var mode = params.get('theme') === 'dark' ? 'dark' : 'light';
  document.documentElement.setAttribute('data-color-mode', mode);
  document.documentElement.setAttribute('data-theme', mode === 'dark' ? 'dark:dark light:light spacing:spacing typography:typography' : 'light:light dark:dark spacing:spacing typography:typography');
  var pending = {}, next = 0;
  window.addEventListener('message', function (e) {
    var m = e.data;
    if (e.origin !== location.origin || !m || m.type !== 'sandbox-bridge-reply' || !pending[m.id]) return;
    var p = pending[m.id]; delete pending[m.id];
    if (m.ok) p.resolve(m.result); else p.reject(new Error(m.error));
  });
  // events.on passes a callback, which postMessage cannot carry: the frame keeps it and asks the host to relay.
  var listeners = {}, nextListener = 0;
  window.addEventListener('message', function (e) {
    var m = e.data;
    if (e.origin !== location.origin || !m || m.type !== 'sandbox-bridge-event') return;
    var byId = listeners[m.event] || {};
    Object.keys(byId).forEach(function (id) { try { byId[id](m.payload); } catch (err) { console.error(err); } });
  });
  function send(name, payload) {
    return new Promise(function (resolve, reject) {
      var id = ++next; pending[id] = { resolve: resolve, reject: reject };
      try { parent.postMessage({ type: 'sandbox-bridge', id: id, name: name, payload: payload === undefined ? null : payload }, location.origin); }
      catch (err) { delete pending[id]; reject(new Error('The sandbox bridge cannot pass ' + name + ': ' + err.message)); }
    });
  }
  window.__bridge = { callBridge: function (name, payload) {
    if (name !== 'on' && name !== 'onPublic') return send(name, payload);
    var event = payload && payload.event, callback = payload && payload.callback;
    return send('subscribe', { event: event }).then(function () {
      var id = ++nextListener;
      (listeners[event] = listeners[event] || {})[id] = callback;
      return { unsubscribe: function () { delete listeners[event][id]; } };
    });
  } };
})();
`;

/** Runs in the page hosting Custom UI iframes (class "forge", data-context = the module's Forge context). */
export const HOST_SCRIPT = `(function () {
  function frameOf(source) {
    var frames = document.querySelectorAll('iframe.forge');
    for (var i = 0; i < frames.length; i++) if (frames[i].contentWindow === source) return frames[i];
  }
  // A flag: auto-dismissed after 8 seconds when asked (isAutoDismiss), else kept until its Close is clicked
  // (https://developer.atlassian.com/platform/forge/apis-reference/ui-api-bridge/showFlag).
  function toast(text, autoDismiss) {
    var t = document.createElement('div'); t.textContent = text; t.setAttribute('role', 'status');
    t.style.cssText = 'position:fixed;bottom:16px;right:16px;background:#172b4d;color:#fff;padding:8px 12px;border-radius:4px';
    if (autoDismiss) setTimeout(function () { t.remove(); }, 8000);
    else {
      var close = document.createElement('button'); close.type = 'button'; close.textContent = '×';
      close.setAttribute('aria-label', 'Close'); close.onclick = function () { t.remove(); };
      t.appendChild(close);
    }
    document.body.appendChild(t);
  }
  var watched = [];
  var appListeners = {};
  function watch(frame, context) {
    if (watched.some(function (w) { return w.frame === frame; })) return;
    var w = { frame: frame, key: frame.dataset.issueKey, context: context, updated: undefined };
    watched.push(w);
    if (watched.length === 1) setInterval(poll, 2000);
    poll();
  }
  async function poll() {
    for (var i = 0; i < watched.length; i++) {
      var w = watched[i];
      try {
        var response = await fetch('/_sandbox/ui/issue-changed?key=' + encodeURIComponent(w.key));
        if (!response.ok) continue;
        var updated = (await response.json()).updated;
        if (w.updated !== undefined && updated !== w.updated && w.frame.contentWindow) {
          var ext = w.context.extension || {};
          w.frame.contentWindow.postMessage({ type: 'sandbox-bridge-event', event: 'JIRA_ISSUE_CHANGED', payload: {
            issueId: ext.issue && ext.issue.id, projectId: ext.project && ext.project.id,
            changes: [{ changeType: 'updated', atlassianId: null }] } }, location.origin);
        }
        w.updated = updated;
      } catch (err) { /* the next poll tries again */ }
    }
  }
  async function handle(frame, name, payload) {
    var context = JSON.parse(frame.dataset.context);
    switch (name) {
      case 'getContext': return context;
      case 'invoke': {
        var response = await fetch('/_sandbox/invoke', { method: 'POST', headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ moduleKey: context.moduleKey, issueKey: frame.dataset.issueKey || null, projectKey: frame.dataset.projectKey || null, functionKey: payload.functionKey, payload: payload.payload, theme: context.theme.colorMode }) });
        var body = await response.json();
        if (!response.ok) throw new Error(body.message || 'The resolver failed');
        return body.result;
      }
      case 'refresh': setTimeout(function () { location.reload(); }, 0); return true;
      case 'submit': case 'close': {
        var dialog = frame.closest('dialog');
        if (dialog) dialog.close();
        if (name === 'submit') setTimeout(function () { location.reload(); }, 0);
        return true;
      }
      case 'subscribe': {
        if (payload.event === 'JIRA_ISSUE_CHANGED') {
          if (!frame.dataset.issueKey) throw new Error('JIRA_ISSUE_CHANGED reaches only apps shown on an issue');
          watch(frame, context);
          return true;
        }
        if (typeof payload.event !== 'string' || !payload.event) throw new Error('events.on needs an event name');
        var listening = (appListeners[payload.event] = appListeners[payload.event] || []);
        if (listening.indexOf(frame) < 0) listening.push(frame);
        return true;
      }
      case 'emit': {
        if (!payload || typeof payload.event !== 'string' || !payload.event) throw new Error('events.emit needs an event name');
        // The app's other frames on this page that listen to it; not the frame that emitted it.
        (appListeners[payload.event] || []).forEach(function (f) {
          if (f !== frame && f.isConnected && f.contentWindow)
            f.contentWindow.postMessage({ type: 'sandbox-bridge-event', event: payload.event, payload: payload.payload }, location.origin);
        });
        return null;
      }
      case 'open': return true;
      case 'navigate': {
        // router.navigate: a NavigationLocation to an issue, or a site-relative URL, opens in this tab.
        var to = payload && payload.target === 'issue' ? '/browse/' + encodeURIComponent(payload.issueKey)
          : payload && typeof payload.url === 'string' && payload.url.charAt(0) === '/' && payload.url.charAt(1) !== '/' ? payload.url : null;
        if (!to) throw new Error('The sandbox navigates only to an issue or a site-relative URL');
        setTimeout(function () { location.href = to; }, 0);
        return true;
      }
      case 'showFlag': toast((payload && (payload.title || payload.description)) || '', !!(payload && payload.isAutoDismiss)); return { id: String(Date.now()) };
      case 'enableTheming': case 'emitReadyEvent': case 'changeWindowTitle': case 'closeFlag': return null;
      default: throw new Error('The sandbox does not support the bridge call ' + name);
    }
  }
  window.addEventListener('message', async function (e) {
    var m = e.data;
    if (e.origin !== location.origin || !m || m.type !== 'sandbox-bridge') return;
    var frame = frameOf(e.source);
    if (!frame) return;
    try { e.source.postMessage({ type: 'sandbox-bridge-reply', id: m.id, ok: true, result: await handle(frame, m.name, m.payload) }, location.origin); }
    catch (err) { e.source.postMessage({ type: 'sandbox-bridge-reply', id: m.id, ok: false, error: String((err && err.message) || err) }, location.origin); }
  });
  document.addEventListener('click', function (e) {
    var button = e.target.closest && e.target.closest('[data-open-dialog]');
    if (!button) return;
    var dialog = document.getElementById(button.getAttribute('data-open-dialog'));
    var frame = dialog.querySelector('iframe.forge');
    if (!frame.getAttribute('src')) frame.setAttribute('src', frame.dataset.src);
    dialog.showModal();
  });
  // Same-origin frames: follow their content's height, as Forge's iframe resizer does.
  setInterval(function () {
    document.querySelectorAll('iframe.forge').forEach(function (f) {
      try { var h = f.contentDocument.documentElement.scrollHeight; if (h && Math.abs(f.offsetHeight - h) > 4) f.style.height = h + 'px'; } catch (err) { /* not loaded yet */ }
    });
  }, 300);
})();
`;

/**
 * Serves the Custom UI resources at /static/<resource>/..., each index.html with Forge's Content-Security-Policy
 * (csp.ts) and the bridge script injected, and the two scripts at /_sandbox/bridge/frame.js and
 * /_sandbox/bridge/host.js.
 * @example registerCustomUi(app, manifest.resources, { content: manifest.content, external: manifest.external }, () => url)
 */
export function registerCustomUi(
  app: FastifyInstance,
  resources: Map<string, string>,
  permissions: ContentPermissions,
  origin: () => string,
): void {
  app.get('/_sandbox/bridge/frame.js', async (_request, reply) => reply.type('text/javascript').send(FRAME_SCRIPT));
  app.get('/_sandbox/bridge/host.js', async (_request, reply) => reply.type('text/javascript').send(HOST_SCRIPT));
  app.get<{ Params: { resource: string; '*': string } }>('/static/:resource/*', async (request, reply) => {
    const root = resources.get(request.params.resource);
    if (!root) return reply.code(404).send({ message: `No resource ${request.params.resource} in the manifest` });
    const wanted = normalize(request.params['*'] || 'index.html');
    const file = resolve(root, wanted);
    if (relative(root, file).startsWith('..') || file === root || wanted.startsWith(sep))
      return reply.code(404).send({ message: 'Not found' });
    const content = await readFile(file).catch(() => undefined);
    if (content === undefined)
      return reply
        .code(404)
        .type('text/plain')
        .send(wanted === 'index.html' ? `${file} is missing: run "npm run build:ui".` : 'Not found');
    if (wanted === 'index.html') {
      const page = content
        .toString('utf8')
        .replace(/<head([^>]*)>/i, '<head$1><script src="/_sandbox/bridge/frame.js"></script>');
      return reply
        .type('text/html')
        .header('content-security-policy', forgeCsp(page, permissions, origin()))
        .send(page);
    }
    return reply.type(TYPES[extname(file)] ?? 'application/octet-stream').send(content);
  });
}
