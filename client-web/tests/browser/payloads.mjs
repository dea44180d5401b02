// @ts-check
// Cross-site scripting payloads for xss.test.mjs. Each one calls the test's sentinel, `__xss(<n>)`, or `alert(<n>)`
// (a dialog, which the test also catches), with its own number, if a page ever runs it: `§` in a template below is
// replaced by that number.
//
// Where they come from, by class (adapted to call the sentinel):
// - OWASP XSS Filter Evasion Cheat Sheet (cheatsheetseries.owasp.org): script tags, event handlers, javascript: and
//   data: URLs, case and encoding evasions, broken tags, CSS expression()/url().
// - PortSwigger Web Security Academy XSS cheat sheet: handlers that fire without interaction (onload, onerror,
//   ontoggle, onfocus with autofocus, onbegin, onanimationstart), the tags that carry them.
// - HTML5 Security Cheatsheet (html5sec.org, Mario Heiderich): details/ontoggle, formaction, srcdoc, SVG, MathML.
// - PayloadsAllTheThings "XSS Injection": markdown links, template injections ({{}}, ${}), Unicode and entity
//   encodings, polyglots.
// - "XSS polyglot" by Ahmed Elsobky (0xsobky, 2018) and Gareth Heyes's polyglots.
// - Mutation XSS (Cure53 / DOMPurify bypasses: noscript, math/style, svg/title namespace confusion).
// - Breakouts from the contexts a careless client might paste text into: </textarea>, </title>, </style>, </script>,
//   attribute values, HTML comments, CDATA.
// - Text tricks aimed at people rather than parsers: right-to-left overrides and isolates, zero-width characters,
//   fullwidth look-alikes, very long texts.
// The client writes user content with textContent only, so every one must show as the literal text below.

/**
 * @typedef {'script' | 'handler' | 'url' | 'markdown' | 'data' | 'breakout' | 'template' | 'css' | 'case' | 'encoding'
 *   | 'bidi' | 'long' | 'polyglot' | 'mutation' | 'misc'} Kind
 */

/** @type {[Kind, string][]} */
const TEMPLATES = [
  // Script tags.
  ['script', '<script>__xss(§)</script>'],
  ['script', '<script>alert(§)</script>'],
  ['script', '<script src="data:text/javascript,__xss(§)"></script>'],
  ['script', '<script/xss>__xss(§)</script>'],
  ['script', '<scr<script>ipt>__xss(§)</scr</script>ipt>'],
  ['script', '<<script>__xss(§);//<</script>'],
  ['script', '<script>document.write("<img src=x onerror=__xss(§)>")</script>'],
  ['script', '<svg><script>__xss(§)</script></svg>'],
  ['script', '<script type="module">__xss(§)</script>'],
  ['script', '<script\n>__xss(§)</script\n>'],

  // Event handlers that fire without a click.
  ['handler', '<img src=x onerror=__xss(§)>'],
  ['handler', '<img src="x" onerror="alert(§)">'],
  ['handler', '<img/src/onerror=__xss(§)>'],
  ['handler', '<img src=x:alert(alt) onerror=eval(src) alt=§>'],
  ['handler', '<svg onload=__xss(§)>'],
  ['handler', '<svg/onload=__xss(§)//'],
  ['handler', '<svg><animate onbegin=__xss(§) attributeName=x dur=1s>'],
  ['handler', '<svg><set onbegin=__xss(§) attributename=x to=1>'],
  ['handler', '<iframe onload=__xss(§)></iframe>'],
  ['handler', '<iframe src="about:blank" onload="__xss(§)">'],
  ['handler', '<details open ontoggle=__xss(§)>'],
  ['handler', '<details/open/ontoggle="alert(§)">'],
  ['handler', '<body onload=__xss(§)>'],
  ['handler', '<body onpageshow=__xss(§)>'],
  ['handler', '<video src=x onerror=__xss(§)></video>'],
  ['handler', '<video><source onerror="__xss(§)"></video>'],
  ['handler', '<audio src=x onerror=__xss(§)>'],
  ['handler', '<input autofocus onfocus=__xss(§)>'],
  ['handler', '<select autofocus onfocus=__xss(§)></select>'],
  ['handler', '<textarea autofocus onfocus=__xss(§)></textarea>'],
  ['handler', '<marquee onstart=__xss(§)>x</marquee>'],
  ['handler', '<object data=x onerror=__xss(§)></object>'],
  ['handler', '<style onload=__xss(§)></style>'],
  ['handler', '<link rel=stylesheet href=x onerror=__xss(§)>'],
  ['handler', '<div style="animation-name:spin" onanimationstart=__xss(§)>x</div>'],
  ['handler', '<img src=x onerror="window[\'__x\'+\'ss\'](§)">'],
  ['handler', '<img src=x onerror=top["al"+"ert"](§)>'],
  ['handler', '<a onmouseover=__xss(§)>hover me</a>'],
  ['handler', '<img src=x onerror=setTimeout`__xss\\x28§\\x29`>'],
  ['handler', '<img src=x onerror=eval(atob("X194c3Mo")+"§)")>'],

  // javascript: URLs.
  ['url', 'javascript:__xss(§)'],
  ['url', '<a href="javascript:__xss(§)">click</a>'],
  ['url', '<a href="JaVaScRiPt:alert(§)">click</a>'],
  ['url', '<a href="java\tscript:__xss(§)">tab</a>'],
  ['url', '<a href="&#106;avascript:__xss(§)">entity</a>'],
  ['url', '<a href="javascript&colon;__xss(§)">colon</a>'],
  ['url', '<a href=" javascript:__xss(§)">space</a>'],
  ['url', '<iframe src="javascript:__xss(§)"></iframe>'],
  ['url', '<form action="javascript:__xss(§)"><button>go</button></form>'],
  ['url', '<button formaction="javascript:__xss(§)">go</button>'],
  ['url', '<math href="javascript:__xss(§)">click</math>'],
  ['url', '<embed src="javascript:__xss(§)">'],

  // Markdown-style links and images.
  ['markdown', '[click me](javascript:__xss(§))'],
  ['markdown', '[click me](JAVASCRIPT:alert(§))'],
  ['markdown', '[a](javascript://%0a__xss(§))'],
  ['markdown', '![img](x" onerror="__xss(§))'],
  ['markdown', '[x](  javascript:__xss(§)  "title")'],
  ['markdown', '<javascript:__xss(§)>'],
  ['markdown', '[ref][1]\n\n[1]: javascript:__xss(§)'],
  ['markdown', '**bold** _it_ `code` <img src=x onerror=__xss(§)>'],
  ['markdown', '```html\n<script>__xss(§)</script>\n```'],
  ['markdown', '[![x](x)](javascript:__xss(§))'],

  // data: URLs.
  ['data', 'data:text/html,<script>__xss(§)</script>'],
  ['data', '<a href="data:text/html;base64,PHNjcmlwdD5fX3hzcygxKTwvc2NyaXB0Pg==#§">data</a>'],
  ['data', '<iframe src="data:text/html,<script>__xss(§)</script>"></iframe>'],
  ['data', '<object data="data:text/html,<script>__xss(§)</script>"></object>'],
  ['data', '<embed src="data:image/svg+xml,<svg onload=__xss(§)>">'],
  ['data', '[data](data:text/html,<script>alert(§)</script>)'],
  ['data', '<img src="data:image/svg+xml,<svg xmlns=%22http://www.w3.org/2000/svg%22 onload=%22__xss(§)%22/>">'],
  ['data', '<script src=data:,__xss(§)></script>'],

  // Breaking out of the context text might be pasted into.
  ['breakout', '</textarea><script>__xss(§)</script>'],
  ['breakout', '</title><script>__xss(§)</script>'],
  ['breakout', '</style><script>__xss(§)</script>'],
  ['breakout', '</script><script>__xss(§)</script>'],
  ['breakout', '"><script>__xss(§)</script>'],
  ['breakout', "'><img src=x onerror=__xss(§)>"],
  ['breakout', '" autofocus onfocus="__xss(§)'],
  ['breakout', "' onmouseover='__xss(§)"],
  ['breakout', '--><script>__xss(§)</script><!--'],
  ['breakout', ']]><script>__xss(§)</script>'],
  ['breakout', '</noscript><img src=x onerror=__xss(§)>'],
  ['breakout', '</p></li></ol><img src=x onerror=__xss(§)>'],
  ['breakout', '</bdi><img src=x onerror=__xss(§)>'],
  ['breakout', '";__xss(§);//'],
  ['breakout', "\\';__xss(§);//"],

  // Template and interpolation syntaxes.
  ['template', '${__xss(§)}'],
  ['template', '`${__xss(§)}`'],
  ['template', '{{__xss(§)}}'],
  ['template', "{{constructor.constructor('__xss(§)')()}}"],
  ['template', '{{{__xss(§)}}}'],
  ['template', '<%= __xss(§) %>'],
  ['template', '#{__xss(§)}'],
  ['template', '{__xss(§)}'],
  ['template', '{ $user } { -brand } {__xss(§)}'],
  ['template', '{% raw %}{{__xss(§)}}{% endraw %}'],
  ['template', '[[${__xss(§)}]]'],
  ['template', '{"__proto__":{"innerHTML":"<img src=x onerror=__xss(§)>"}}'],

  // CSS.
  ['css', '<div style="background:url(javascript:__xss(§))">css</div>'],
  ['css', '<div style="width:expression(__xss(§))">expr</div>'],
  ['css', '<style>*{background:url("javascript:__xss(§)")}</style>'],
  ['css', "<style>@import 'javascript:__xss(§)';</style>"],
  ['css', '<div style="behavior:url(#default#time2)" onbegin="__xss(§)">b</div>'],
  ['css', '<p style="x:expr/**/ession(__xss(§))">c</p>'],
  ['css', '<style>@keyframes x{}</style><p style="animation-name:x" onanimationstart="__xss(§)">a</p>'],

  // Mixed case.
  ['case', '<ScRiPt>__xss(§)</sCrIpT>'],
  ['case', '<IMG SRC=x OnErRoR=__xss(§)>'],
  ['case', '<sVg OnLoAd=__xss(§)>'],
  ['case', '<DeTaIlS OpEn OnToGgLe=__xss(§)>'],
  ['case', '<iFrAmE SrC="jAvAsCrIpT:__xss(§)">'],

  // Encodings and escapes that decode to markup somewhere else.
  ['encoding', '\\u003cscript\\u003e__xss(§)\\u003c/script\\u003e'],
  ['encoding', '\\x3cimg src=x onerror=__xss(§)\\x3e'],
  ['encoding', '&lt;script&gt;__xss(§)&lt;/script&gt;'],
  ['encoding', '&#60;img src=x onerror=__xss(§)&#62;'],
  ['encoding', '%3Cscript%3E__xss(§)%3C%2Fscript%3E'],
  ['encoding', '+ADw-script+AD4-__xss(§)+ADw-/script+AD4-'],
  ['encoding', '＜script＞__xss(§)＜/script＞'],
  ['encoding', '<img src=x onerror=&#95;&#95;xss&#40;§&#41;>'],
  ['encoding', '<img src=x onerror=\\u005f\\u005fxss(§)>'],
  ['encoding', '<scr\u0000ipt>__xss(§)</scr\u0000ipt>'],
  ['encoding', '<img\u200bsrc=x\u200bonerror=__xss(§)>'],
  ['encoding', '<img src=x onerror=__xss(§)\u00a0>'],

  // Bidirectional overrides and isolates (text that reads differently from what it is).
  ['bidi', '\u202e<img src=x onerror=__xss(§)>gpj.exe'],
  ['bidi', 'invoice\u202efdp.exe <script>__xss(§)</script>'],
  ['bidi', '\u2066<svg onload=__xss(§)>\u2069 isolated'],
  ['bidi', '\u202b<b onmouseover=__xss(§)>مرحبا</b>\u202c'],
  ['bidi', 'שלום \u200f<img src=x onerror=alert(§)>\u200e end'],

  // Very long.
  ['long', `${'A'.repeat(3000)}<img src=x onerror=__xss(§)>`],
  ['long', `${'<div>'.repeat(600)}<img src=x onerror=__xss(§)>`],
  ['long', `<img src="${'x'.repeat(2000)}" onerror="__xss(§)">`],
  ['long', `${'<b>'.repeat(100)}${'&#x27;'.repeat(100)}<svg onload=__xss(§)>`],

  // Polyglots: one string meant to run in many contexts at once.
  ['polyglot', "jaVasCript:/*-/*`/*\\`/*'/*\"/**/(/* */oNcliCk=__xss(§) )//%0D%0A%0d%0a//</stYle/</titLe/</teXtarEa/</scRipt/--!>\\x3csVg/<sVg/oNloAd=__xss(§)//>\\x3e"],
  ['polyglot', '\'">><marquee><img src=x onerror=confirm(§)></marquee>"></plaintext\\></|\\><plaintext/onmouseover=prompt(§)><script>__xss(§)</script>'],
  ['polyglot', '"\'--></style></script><svg onload=__xss(§)>'],
  ['polyglot', "javascript:\"/*'/*`/*--></noscript></title></textarea></style></template></noembed></script><html \" onmouseover=/*&lt;svg/*/onload=__xss(§)//>"],
  ['polyglot', "-->'\"/></sCript><deTailS open x=\">\" ontoggle=(co\\u006efirm)`§`>"],

  // Mutation XSS: markup that changes meaning when parsed twice.
  ['mutation', '<noscript><p title="</noscript><img src=x onerror=__xss(§)>">'],
  ['mutation', '<math><mtext><table><mglyph><style><img src=x onerror=__xss(§)>'],
  ['mutation', '<svg></p><style><a id="</style><img src=1 onerror=__xss(§)>">'],
  ['mutation', '<form><math><mtext></form><form><mglyph><style></math><img src onerror=__xss(§)>'],
  ['mutation', '<svg><title><style><img src=x onerror=__xss(§)></style></title></svg>'],
  ['mutation', '<template><img src=x onerror=__xss(§)></template>'],

  // Other routes to script.
  ['misc', '<meta http-equiv="refresh" content="0;url=javascript:__xss(§)">'],
  ['misc', '<base href="javascript:__xss(§)//">'],
  ['misc', '<iframe srcdoc="&lt;script&gt;__xss(§)&lt;/script&gt;"></iframe>'],
  ['misc', '<isindex type=image src=1 onerror=__xss(§)>'],
  ['misc', '<xss id=x tabindex=1 onfocus=__xss(§)></xss>'],
  ['misc', '<img src=x onerror=import("data:text/javascript,__xss(§)")>'],
  ['misc', '<svg><a xlink:href="javascript:__xss(§)"><text y=20>svg link</text></a></svg>'],
  ['misc', '<input type=image src=x onerror=__xss(§)>'],
  ['misc', '@everyone <img src=x onerror=__xss(§)> #general'],
  ['misc', '<!--<img src="--><img src=x onerror=__xss(§)//">'],
];

/** @typedef {{ n: number, kind: Kind, text: string }} Payload */

/** Every payload, numbered from 1 in the order above. @type {Payload[]} */
export const PAYLOADS = TEMPLATES.map(([kind, template], i) => {
  if (!template.includes('§')) throw new Error(`payload template ${i + 1} does not call the sentinel: ${template}`);
  return { n: i + 1, kind, text: template.replaceAll('§', String(i + 1)) };
});

/**
 * Characters no display name or channel name may hold (server/src/hub/rules.rs `is_hidden_char`): controls, and the
 * invisible formatting characters.
 */
const HIDDEN = /[\p{Cc}\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0\uFFF0-\uFFF8\u{E0000}-\u{E007F}]/u;

/** Whether the server takes this text as a display name or channel name (1 to 64 characters, nothing hidden, trimmed). @param {string} text */
export function fitsName(text) {
  const length = [...text.normalize('NFC')].length;
  return length >= 1 && length <= 64 && text.trim() === text && !HIDDEN.test(text);
}

/** Whether the server takes this text as a channel topic (at most 500 characters, no controls but newline). @param {string} text */
export function fitsTopic(text) {
  return [...text].length <= 500 && !/[\p{Cc}]/u.test(text.replaceAll('\n', ''));
}
