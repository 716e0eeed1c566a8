export const id = 672;
export const ids = [672];
export const modules = {

/***/ 68672:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   stagesNeeded: () => (/* binding */ stagesNeeded)
/* harmony export */ });
/**
 * Which stages of a Dockerfile a build target needs: its target stage (the last one without `target`)
 * and, transitively, every stage it starts `FROM`, copies `--from` or mounts `from=`. Pure (the text is
 * handed in). It says whose failure a failed step of a shared stage is: BuildKit runs a step that two
 * targets share once and names it after one of them, so the other target's failure has to be inferred
 * (engine/steps/build.ts).
 */
/** Stage names (lowercased, as BuildKit matches them) the target stage needs, itself included; undefined when the text cannot be read or has no such stage. */
async function stagesNeeded(text, target) {
    const { DockerfileParser } = await __webpack_require__.e(/* import() */ 279).then(__webpack_require__.bind(__webpack_require__, 78390));
    let instructions;
    try {
        instructions = DockerfileParser.parse(text).getInstructions();
    }
    catch {
        return undefined;
    }
    // stages in order: their name (or their index) and what they reference
    const stages = [];
    for (const ins of instructions) {
        const keyword = ins.getKeyword();
        if (keyword === 'FROM') {
            const args = ins.getArguments().map(a => a.getValue());
            const image = args.find(a => !a.startsWith('--'))?.toLowerCase() ?? '';
            const as = args.findIndex(a => a.toLowerCase() === 'as');
            const name = as >= 0 && args[as + 1] ? args[as + 1].toLowerCase() : String(stages.length);
            stages.push({ name, refs: new Set(image ? [image] : []) });
            continue;
        }
        const current = stages[stages.length - 1];
        if (!current || !['COPY', 'ADD', 'RUN'].includes(keyword))
            continue;
        // COPY/ADD --from=<stage>, RUN --mount=…,from=<stage>: flags of the instruction (dockerfile-ast's getFlags)
        const flags = ins.getFlags?.() ?? [];
        for (const f of flags) {
            const name = f.getName().toLowerCase();
            const value = f.getValue() ?? '';
            if (name === 'from' && keyword !== 'RUN')
                current.refs.add(value.toLowerCase());
            if (name === 'mount' && keyword === 'RUN') {
                for (const field of value.split(',')) {
                    const m = /^from=(.+)$/i.exec(field.trim());
                    if (m)
                        current.refs.add(m[1].replace(/^"|"$/g, '').toLowerCase());
                }
            }
        }
    }
    if (!stages.length)
        return undefined;
    const byName = new Map(stages.map((s, i) => [s.name, i]));
    const start = target === undefined ? stages.length - 1 : byName.get(target.toLowerCase());
    if (start === undefined)
        return undefined;
    const needed = new Set();
    const visit = (i) => {
        const s = stages[i];
        if (needed.has(s.name))
            return;
        needed.add(s.name);
        for (const r of s.refs) {
            // a stage is referenced by its name, or by its index (`--from=0`)
            const j = byName.get(r) ?? (/^\d+$/.test(r) && Number(r) < i ? Number(r) : undefined);
            if (j !== undefined && j < i)
                visit(j);
        }
    };
    visit(start);
    return needed;
}


/***/ })

};
