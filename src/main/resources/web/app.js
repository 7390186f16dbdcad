// The chatshell page: a terminal (xterm.js) over a WebSocket to the server's shell.
// Messages are binary: one type byte, then the body (see the server's WebFrames):
//   0 DATA   both ways: typed keys to the server, terminal output from it
//   1 RESIZE page to server: columns and rows, two big-endian 16-bit numbers
'use strict';
(function () {
  const DATA = 0, RESIZE = 1;
  const encoder = new TextEncoder();
  const dark = window.matchMedia('(prefers-color-scheme: dark)');
  const themes = {
    dark: { background: '#1e1e1e', foreground: '#d4d4d4', cursor: '#d4d4d4', selectionBackground: '#264f78' },
    light: { background: '#fafafa', foreground: '#1e1e1e', cursor: '#1e1e1e', selectionBackground: '#add6ff' },
  };
  const term = new Terminal({
    cursorBlink: true,
    fontFamily: 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace',
    fontSize: 14,
    scrollback: 5000,
    theme: dark.matches ? themes.dark : themes.light,
  });
  const fit = new FitAddon.FitAddon();
  term.loadAddon(fit);
  term.open(document.getElementById('terminal'));
  fit.fit();
  term.focus();
  dark.addEventListener('change', (e) => { term.options.theme = e.matches ? themes.dark : themes.light; });

  // Ctrl+C copies when text is selected (else it is the terminal's Ctrl+C); pasting is the browser's.
  term.attachCustomKeyEventHandler((e) => {
    if (e.type === 'keydown' && (e.ctrlKey || e.metaKey) && e.key === 'c' && term.hasSelection()) {
      navigator.clipboard.writeText(term.getSelection()).catch(() => {});
      return false;
    }
    return true;
  });

  const notice = document.getElementById('notice');
  function say(text) { notice.textContent = text; notice.hidden = !text; fit.fit(); }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(location.hostname);
  const clear = location.protocol === 'http:' && !loopback;
  function clearWarning() {
    return clear ? 'This page is not encrypted: passwords typed here travel in the clear.' : '';
  }
  say(clearWarning());

  let socket = null;
  let retry = 1;
  function send(type, body) {
    if (!socket || socket.readyState !== WebSocket.OPEN) return;
    const message = new Uint8Array(1 + body.length);
    message[0] = type;
    message.set(body, 1);
    socket.send(message);
  }
  function sendSize() {
    const body = new Uint8Array(4);
    new DataView(body.buffer).setUint16(0, term.cols);
    new DataView(body.buffer).setUint16(2, term.rows);
    send(RESIZE, body);
  }
  term.onData((data) => {
    const bytes = encoder.encode(data);
    for (let i = 0; i < bytes.length; i += 8192) send(DATA, bytes.subarray(i, i + 8192));
  });
  term.onBinary((data) => {
    const bytes = Uint8Array.from(data, (c) => c.charCodeAt(0) & 255);
    send(DATA, bytes);
  });
  term.onResize(sendSize);
  window.addEventListener('resize', () => fit.fit());

  function connect() {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    socket = new WebSocket(scheme + '//' + location.host + '/ws');
    socket.binaryType = 'arraybuffer';
    socket.onopen = () => { retry = 1; say(clearWarning()); sendSize(); };
    socket.onmessage = (e) => {
      const bytes = new Uint8Array(e.data);
      if (bytes.length > 0 && bytes[0] === DATA) term.write(bytes.subarray(1));
    };
    socket.onclose = () => {
      socket = null;
      const wait = retry;
      retry = Math.min(retry * 2, 30);
      say((clear ? clearWarning() + ' ' : '') + 'The connection to the server was lost; trying again in ' + wait + ' s.');
      term.write('\r\n\x1b[2m[disconnected]\x1b[0m\r\n');
      setTimeout(connect, wait * 1000);
    };
  }
  connect();
})();
