// A small offline APL renderer: Container, Text, Frame, Image; data binding; the commands a
// countdown needs (Sequential, Parallel, Idle, SetValue, SetState-free custom commands).
// Expressions are parsed here, never eval'd: a document from a remote skill is untrusted.
"use strict";

const APL = (() => {
  const TOKEN = /\s*(?:(\d+(?:\.\d+)?)|'([^']*)'|"([^"]*)"|([A-Za-z_][\w]*)|(===|!==|==|!=|<=|>=|&&|\|\||[-+*/%<>!?:.()[\]]))/y;

  function tokenize(source) {
    const tokens = [];
    TOKEN.lastIndex = 0;
    while (TOKEN.lastIndex < source.length) {
      const start = TOKEN.lastIndex;
      const match = TOKEN.exec(source);
      if (!match) {
        if (source.slice(start).trim() === "") break;
        throw new Error(`cannot read "${source}"`);
      }
      if (match[1] !== undefined) tokens.push({ kind: "value", value: Number(match[1]) });
      else if (match[2] !== undefined || match[3] !== undefined)
        tokens.push({ kind: "value", value: match[2] ?? match[3] });
      else if (match[4] !== undefined) tokens.push({ kind: "name", value: match[4] });
      else tokens.push({ kind: "op", value: match[5] });
    }
    return tokens;
  }

  const BINARY = [["||"], ["&&"], ["==", "!=", "===", "!=="], ["<", "<=", ">", ">="], ["+", "-"], ["*", "/", "%"]];
  const CONSTANTS = { true: true, false: false, null: null };

  function parse(tokens) {
    let at = 0;
    const peek = (value) => tokens[at] && tokens[at].kind === "op" && tokens[at].value === value;
    const expect = (value) => {
      if (!peek(value)) throw new Error(`expected ${value}`);
      at += 1;
    };
    function ternary() {
      const test = binary(0);
      if (!peek("?")) return test;
      at += 1;
      const yes = ternary();
      expect(":");
      return { op: "?", test, yes, no: ternary() };
    }
    function binary(level) {
      if (level === BINARY.length) return unary();
      let left = binary(level + 1);
      while (tokens[at] && tokens[at].kind === "op" && BINARY[level].includes(tokens[at].value)) {
        const op = tokens[at++].value;
        left = { op, left, right: binary(level + 1) };
      }
      return left;
    }
    function unary() {
      if (peek("!") || peek("-") || peek("+")) return { op: "u" + tokens[at++].value, arg: unary() };
      let node = primary();
      for (;;) {
        if (peek(".")) {
          at += 1;
          node = { op: ".", object: node, key: { value: tokens[at++].value } };
        } else if (peek("[")) {
          at += 1;
          node = { op: ".", object: node, key: ternary() };
          expect("]");
        } else return node;
      }
    }
    function primary() {
      const token = tokens[at++];
      if (!token) throw new Error("expression ends too soon");
      if (token.kind === "value") return { value: token.value };
      if (token.kind === "name")
        return token.value in CONSTANTS ? { value: CONSTANTS[token.value] } : { name: token.value };
      if (token.value === "(") {
        const inner = ternary();
        expect(")");
        return inner;
      }
      throw new Error(`unexpected ${token.value}`);
    }
    const tree = ternary();
    if (at !== tokens.length) throw new Error("unexpected text after the expression");
    return tree;
  }

  function own(object, key) {
    if (object === null || object === undefined) return null;
    if (key === "length" && (Array.isArray(object) || typeof object === "string")) return object.length;
    return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : null;
  }

  function evaluate(node, scope) {
    if ("value" in node && !node.op) return node.value;
    if (node.name !== undefined) return scope.get(node.name);
    const value = (part) => evaluate(part, scope);
    switch (node.op) {
      case "?": return value(node.test) ? value(node.yes) : value(node.no);
      case ".": return own(value(node.object), value(node.key));
      case "u!": return !value(node.arg);
      case "u-": return -value(node.arg);
      case "u+": return +value(node.arg);
      case "&&": return value(node.left) && value(node.right);
      case "||": return value(node.left) || value(node.right);
    }
    const left = value(node.left), right = value(node.right);
    switch (node.op) {
      case "+": return left + right;
      case "-": return left - right;
      case "*": return left * right;
      case "/": return left / right;
      case "%": return left % right;
      case "<": return left < right;
      case "<=": return left <= right;
      case ">": return left > right;
      case ">=": return left >= right;
      case "==": case "===": return left === right;
      default: return left !== right;
    }
  }

  class Scope {
    constructor(values, parent) {
      this.values = new Map(Object.entries(values || {}));
      this.parent = parent || null;
    }
    get(name) {
      if (this.values.has(name)) return this.values.get(name);
      return this.parent ? this.parent.get(name) : null;
    }
  }

  // "${a}" alone keeps its type; text around expressions makes a string.
  function bind(value, scope) {
    if (typeof value !== "string" || !value.includes("${")) return value;
    const whole = /^\$\{([^}]*)\}$/.exec(value);
    if (whole) return evaluate(parse(tokenize(whole[1])), scope);
    return value.replace(/\$\{([^}]*)\}/g, (_, source) => {
      const result = evaluate(parse(tokenize(source)), scope);
      return result === null || result === undefined ? "" : String(result);
    });
  }

  function size(value, screen) {
    if (value === undefined || value === null || value === "auto") return null;
    const match = /^(-?\d+(?:\.\d+)?)(vw|vh|dp|px|%)?$/.exec(String(value).trim());
    if (!match) return null;
    const number = Number(match[1]);
    switch (match[2]) {
      case "vw": return `${(number * screen.width) / 100}px`;
      case "vh": return `${(number * screen.height) / 100}px`;
      case "px": return `${number}px`;
      case "%": return `${number}%`;
      default: return `${(number * screen.dpi) / 160}px`;
    }
  }

  const JUSTIFY = { start: "flex-start", end: "flex-end", center: "center", spaceBetween: "space-between", spaceAround: "space-around" };
  const ALIGN = { start: "flex-start", end: "flex-end", center: "center", stretch: "stretch", baseline: "baseline" };
  const BOXES = ["width", "height", "minWidth", "minHeight", "maxWidth", "maxHeight", "paddingLeft", "paddingRight", "paddingTop", "paddingBottom", "borderRadius"];

  function build(item, scope, run) {
    const prop = (name) => bind(item[name], scope);
    if (item.when !== undefined && !prop("when")) return null;
    const node = document.createElement(item.type === "Image" ? "img" : "div");
    node.className = `apl-${String(item.type || "Unknown").toLowerCase()}`;
    for (const name of BOXES) {
      const value = size(prop(name), run.screen);
      if (value) node.style[name] = value;
    }
    if (item.padding !== undefined) node.style.padding = size(prop("padding"), run.screen) || "";
    if (item.opacity !== undefined) node.style.opacity = String(prop("opacity"));
    if (item.backgroundColor !== undefined) node.style.backgroundColor = String(prop("backgroundColor"));
    if (item.color !== undefined) node.style.color = String(prop("color"));
    if (item.id !== undefined) {
      node.dataset.aplId = String(prop("id"));
      run.ids.set(node.dataset.aplId, node);
    }
    if (item.type === "Container" || item.type === "Frame") {
      node.style.display = "flex";
      node.style.flexDirection = prop("direction") === "row" ? "row" : "column";
      if (item.justifyContent) node.style.justifyContent = JUSTIFY[prop("justifyContent")] || "flex-start";
      if (item.alignItems) node.style.alignItems = ALIGN[prop("alignItems")] || "stretch";
      const children = item.items || item.item || [];
      for (const child of Array.isArray(children) ? children : [children]) {
        const built = build(child, scope, run);
        if (built) node.appendChild(built);
      }
    } else if (item.type === "Text") {
      node.textContent = String(prop("text") ?? "");
      node.style.fontSize = size(item.fontSize === undefined ? "40dp" : prop("fontSize"), run.screen);
      if (item.fontWeight !== undefined) node.style.fontWeight = String(prop("fontWeight"));
      if (item.textAlign !== undefined) node.style.textAlign = String(prop("textAlign"));
      if (item.maxLines !== undefined) {
        node.style.webkitLineClamp = String(prop("maxLines"));
        node.classList.add("apl-clamped");
      }
    } else if (item.type === "Image") {
      node.alt = "(image: not loaded offline)";
    } else {
      node.textContent = `(${item.type}: not drawn offline)`;
      node.classList.add("apl-unsupported");
    }
    if (item.onMount) run.mounts.push([item.onMount, scope]);
    return node;
  }

  function sleep(run, milliseconds) {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, Math.max(0, Number(milliseconds) || 0));
      run.timers.add(timer);
    });
  }

  async function execute(commands, scope, run) {
    for (const command of Array.isArray(commands) ? commands : [commands]) {
      if (run.stopped) return;
      const prop = (name) => bind(command[name], scope);
      if (command.when !== undefined && !prop("when")) continue;
      if (command.delay !== undefined && command.type !== "Idle") await sleep(run, prop("delay"));
      const custom = run.document.commands && run.document.commands[command.type];
      if (command.type === "Sequential") await execute(command.commands || [], scope, run);
      else if (command.type === "Parallel")
        await Promise.all((command.commands || []).map((one) => execute(one, scope, run)));
      else if (command.type === "Idle") await sleep(run, prop("delay"));
      else if (command.type === "SetValue") {
        const target = run.ids.get(String(prop("componentId")));
        const value = prop("value");
        if (target && prop("property") === "text") target.textContent = String(value ?? "");
        else if (target && prop("property") === "opacity") target.style.opacity = String(value);
      } else if (custom) {
        const values = {};
        for (const parameter of custom.parameters || []) {
          const name = typeof parameter === "string" ? parameter : parameter.name;
          values[name] = command[name] !== undefined ? prop(name) : parameter.default ?? null;
        }
        await execute(custom.commands || [], new Scope(values, run.root), run);
      } else run.unsupported.add(command.type);
    }
  }

  // Draw ``directive`` (a RenderDocument) into ``host`` at the screen's pixel size; returns a
  // handle whose stop() cancels the running commands.
  function render(host, directive, screen) {
    const documentJson = directive.document || {};
    const run = { screen, ids: new Map(), mounts: [], timers: new Set(), stopped: false, unsupported: new Set(), document: documentJson };
    const template = documentJson.mainTemplate || {};
    const values = { viewport: { width: screen.width, height: screen.height, dpi: screen.dpi } };
    const sources = directive.datasources || {};
    for (const name of template.parameters || []) {
      const key = typeof name === "string" ? name : name.name;
      values[key] = sources[key] ?? null;
    }
    run.root = new Scope(values, null);
    const frame = document.createElement("div");
    frame.className = `apl-root apl-theme-${documentJson.theme === "light" ? "light" : "dark"}`;
    frame.style.width = `${screen.width}px`;
    frame.style.height = `${screen.height}px`;
    const items = template.items || template.item || [];
    for (const item of Array.isArray(items) ? items : [items]) {
      const built = build(item, run.root, run);
      if (built) frame.appendChild(built);
    }
    host.replaceChildren(frame);
    const done = Promise.all(run.mounts.map(([commands, scope]) => execute(commands, scope, run)));
    return {
      done,
      unsupported: run.unsupported,
      stop() {
        run.stopped = true;
        for (const timer of run.timers) clearTimeout(timer);
      },
    };
  }

  return { render, bind, Scope };
})();
