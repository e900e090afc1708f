"""Generated pages of the interview guide: the Estimates tables and the practice views."""

from __future__ import annotations

import re

from scripts import estimates as est
from scripts.parse import front_matter as front
from scripts.schema import CATEGORIES, Pattern

ESTIMATES_PAGE = "guide/estimates.md"
PRACTICE_INDEX = "practice/index.md"
# The answer order practice mode follows: (section, step title, suggested minutes of 45).
ANSWER_STEPS = (
    ("Problem", "Clarify the problem and the users", 5),
    ("Requirements", "Requirements with AI metrics", 5),
    ("Capacity estimate", "Capacity estimate", 5),
    ("Architecture", "Components and data flow", 10),
    ("Trade-offs", "Trade-offs", 8),
    ("Risks", "Risks and mitigations", 5),
    ("Success metrics", "Success metrics", 3),
)
HEADING_RE = re.compile(r"^ {0,3}#{2,6}\s+(.*?)\s*#*$", re.M)
LOCAL_LINK_RE = re.compile(r"\]\((?![a-z][a-z0-9+.-]*:|/|#)([^)\s]+\.md(?:#[^)\s]*)?)\)")
ANCHOR_LINK_RE = re.compile(r"\]\(#([^)\s]+)\)")


def practice_uri(pattern_id: str) -> str:
    return f"practice/{pattern_id}.md"


TEXT_COLUMNS = ("Model", "Accelerator", "Replica", "Configuration", "Source")


def table(header: list[str], rows: list[list[str]]) -> str:
    """A Markdown table, numeric columns right-aligned."""
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " if h in TEXT_COLUMNS else " ---: " for h in header) + "|"]
    return "\n".join(lines + ["| " + " | ".join(r) + " |" for r in rows]) + "\n"


def gb(value: float) -> str:
    return f"{value / 1e9:,.1f} GB"


def render_estimates() -> str:
    """The Estimates page: every figure computed by scripts/estimates.py from specs.yml."""
    models, accels = est.load_specs()
    m70, h100 = models["llama-3.1-70b"], accels["h100-sxm"]
    out = [front(title="Estimates"), "# Estimates\n",
           "Back-of-envelope numbers for serving and training large models, **computed when the site is built** by "
           "`scripts/estimates.py` from the public specifications in `scripts/data/specs.yml`, so a number here cannot "
           "drift from its formula. Pattern pages quote the same values. Assumptions are stated with each table: 90% of "
           "HBM usable for weights and KV cache, and the model FLOPs utilisation (MFU) given for compute-bound phases.\n",
           "## Inputs\n",
           table(["Model", "Parameters", "Layers", "KV heads", "Head dim", "Source"],
                 [[m.name, f"{m.params:,.0f}", str(m.layers), str(m.kv_heads), str(m.head_dim), f"[config or paper]({m.source})"] for m in models.values()]),
           table(["Accelerator", "HBM", "Memory bandwidth", "Dense BF16", "Source"],
                 [[a.name, gb(a.hbm_bytes), f"{a.bandwidth / 1e12:.3g} TB/s", f"{a.bf16_flops / 1e12:,.1f} TFLOPS", f"[{a.name} page]({a.source})"] for a in accels.values()]),
           "## KV-cache bytes per token\n", "`2 (K and V) × layers × KV heads × head dim × bytes per element`\n",
           table(["Model", "BF16", "FP8", "8K-token sequence, BF16", "128K-token sequence, BF16"],
                 [[m.name, f"{est.kv_bytes_per_token(m):,.0f} B ({est.kv_bytes_per_token(m) / 1024:,.0f} KiB)", f"{est.kv_bytes_per_token(m, 1):,.0f} B",
                   f"{est.kv_bytes_per_token(m) * 8192 / 2**30:,.2f} GiB", f"{est.kv_bytes_per_token(m) * 131072 / 2**30:,.1f} GiB"] for m in models.values()]),
           "## Weight memory and the fewest GPUs that hold it\n", f"`parameters × bytes per parameter`; GPUs are {h100.name} with 90% of HBM usable.\n",
           table(["Model"] + [f"{p} weights" for p in ("BF16", "FP8", "INT4")] + [f"{p} min GPUs" for p in ("BF16", "FP8", "INT4")],
                 [[m.name] + [gb(est.weight_bytes(m, est.BYTES[p])) for p in ("BF16", "FP8", "INT4")] + [str(est.min_gpus(m, h100, p)) for p in ("BF16", "FP8", "INT4")] for m in models.values()]),
           "INT4 figures exclude quantization scales and any layers kept in higher precision.\n",
           f"## KV capacity of one {m70.name} replica\n", f"`(0.9 × GPUs × HBM − weight bytes) / KV bytes per token`, on {h100.name}.\n"]
    rows = []
    for gpus, wp, kp in ((2, "BF16", "BF16"), (4, "BF16", "BF16"), (8, "BF16", "BF16"), (4, "BF16", "FP8"), (1, "INT4", "BF16")):
        tokens = est.kv_capacity_tokens(m70, h100, gpus, weight_precision=wp, kv_precision=kp)
        rows.append([f"{gpus} GPU{'s' if gpus > 1 else ''}, weights {wp}, KV {kp}", f"{int(tokens):,}"] + [str(est.max_sequences(tokens, c)) for c in (4096, 8192, 32768, 131072)])
    out.append(table(["Replica", "KV tokens", "4K seqs", "8K seqs", "32K seqs", "128K seqs"], rows))
    out += ["## Decode speed limit from memory bandwidth\n",
            "Each decode step streams every weight once (shared by the batch) plus each sequence's KV cache, so at small batch "
            "`step time ≈ bytes read per GPU / memory bandwidth`. These are upper bounds: real engines lose time to "
            "communication, kernel launches and imperfect bandwidth.\n"]
    rows = []
    for gpus, wp in ((2, "BF16"), (4, "BF16"), (8, "BF16"), (1, "INT4")):
        step = est.decode_step_seconds(m70, h100, gpus, weight_precision=wp)
        rows.append([f"{m70.name}, {wp}, {gpus} GPU{'s' if gpus > 1 else ''}", gb(est.weight_bytes(m70, est.BYTES[wp]) / gpus), f"{step * 1e3:.1f} ms", f"{1 / step:,.0f}"])
    out.append(table(["Configuration", "Weights per GPU", "Step time, batch 1", "Tokens/s per stream"], rows))
    capacity = est.max_sequences(est.kv_capacity_tokens(m70, h100, 4), 4096)
    out += ["### Batching amortises the weight read\n", f"{m70.name}, BF16, 4 GPUs, every sequence at 4,096 tokens of context; "
            f"the KV budget above caps the batch at {capacity} sequences.\n"]
    rows = []
    for batch in (1, 8, 32, 64, capacity):
        step = est.decode_step_seconds(m70, h100, 4, batch, 4096)
        compute = 2 * m70.params * batch / (4 * h100.bf16_flops)
        rows.append([str(batch), f"{step * 1e3:.1f} ms", f"{compute * 1e3:.2f} ms", f"{1 / step:,.0f}", f"{batch / step:,.0f}"])
    out.append(table(["Batch", "Memory time per step", "Compute time at peak", "Tokens/s per stream", "Tokens/s per replica"], rows))
    out.append(f"Ridge point of the {h100.name}: {h100.bf16_flops / h100.bandwidth:,.0f} FLOPs per byte; decode stays memory-bound across this range.\n")
    out += ["## Prefill time\n", f"`2 × parameters × prompt tokens / (GPUs × peak FLOPS × MFU)`, {m70.name} on 4 {h100.name} GPUs at an assumed 50% MFU "
            "(attention's quadratic term ignored, which understates long prompts).\n",
            table(["Prompt tokens", "Prefill FLOPs", "Prefill time"],
                  [[f"{t:,}", f"{2 * m70.params * t:.2e}", f"{est.prefill_seconds(m70, h100, 4, t, 0.5) * 1e3:,.0f} ms"] for t in (1000, 2000, 4096, 32768)])]
    m405 = models["llama-3.1-405b"]
    out += ["## Training time\n", f"`6 × parameters × training tokens / (GPUs × peak FLOPS × MFU)`: {m405.name} on {m405.training_tokens / 1e12:.1f}T tokens "
            f"and 16,384 {h100.name} GPUs, before losses to failures and restarts. The MFU values are assumptions spanning a typical range.\n",
            table(["MFU", "Training FLOPs", "Days"],
                  [[f"{mfu:.0%}", f"{6 * m405.params * m405.training_tokens:.2e}", f"{est.training_seconds(m405, h100, 16384, m405.training_tokens, mfu) / 86400:,.0f}"] for mfu in (0.38, 0.40, 0.43)])]
    return "\n".join(out)


def bold_headings(text: str) -> str:
    """Sub-headings as bold lines, so they stay out of a page's table of contents. The blank
    line after each matters: a list straight under a heading would otherwise run on as
    part of the bold line's paragraph."""
    return HEADING_RE.sub(lambda m: f"**{m.group(1)}**\n", text)


def practice_body(p: Pattern, text: str) -> str:
    """A section's Markdown with links made valid from practice/, sub-headings turned into bold
    lines (a folded heading would still sit in the table of contents), indented into a fold."""
    text = bold_headings(text)
    text = LOCAL_LINK_RE.sub(lambda m: f"](../patterns/{m.group(1)})", text)
    text = ANCHOR_LINK_RE.sub(lambda m: f"](../patterns/{p.id}.md#{m.group(1)})", text)
    return "\n".join(f"    {line}" if line.strip() else "" for line in text.strip("\n").split("\n"))


def render_practice(p: Pattern) -> str:
    """The practice view: the prompt, then each answer step folded, in answer order."""
    steps = [(s, title, minutes) for s, title, minutes in ANSWER_STEPS if p.section(s)]
    total = sum(minutes for _, _, minutes in steps)
    # The practice view repeats the pattern page: keep it out of search so results are not doubled.
    out = [front(title=f"Practice: {p.title}", search={"exclude": True}), f"# Practice: {p.title}\n", '!!! question "Interview prompt"\n', f"    {p.meta.get('interview_prompt', '')}\n",
           f"Answer each step yourself before you open it; the suggested times add up to {total} minutes of a 45-minute interview. "
           f"The [full pattern page](../patterns/{p.id}.md) shows everything unfolded, with the architecture diagram.\n"]
    for number, (section, title, minutes) in enumerate(steps, start=1):
        body = practice_body(p, p.section(section).text)
        if section == "Architecture":
            body = f"    The diagram is on the [full page](../patterns/{p.id}.md#architecture).\n\n" + body
        out += [f'??? abstract "Step {number}: {title} ({minutes} min)"\n', body + "\n"]
    out += ['??? info "References"\n', practice_body(p, p.section("References").text) + "\n"]
    return "\n".join(out)


def render_practice_index(patterns: list[Pattern]) -> str:
    out = [front(title="Practice"), "# Practice\n",
           "Each prompt opens a practice view of its pattern: the steps of a strong answer stay folded until you open them, "
           "in the order an interview answer should go, with a suggested time for each.\n"]
    for category, title in CATEGORIES.items():
        members = sorted((p for p in patterns if p.category == category), key=lambda q: q.title.lower())
        if members:
            out.append(f"## {title}\n")
            out += [f"**[{p.title}]({p.id}.md)**: {p.meta.get('interview_prompt', '')}\n" for p in members]
    return "\n".join(out)


def guide_pages(patterns: list[Pattern]) -> dict[str, str]:
    pages = {ESTIMATES_PAGE: render_estimates(), PRACTICE_INDEX: render_practice_index(patterns)}
    pages.update({practice_uri(p.id): render_practice(p) for p in patterns})
    return pages
