// @ts-check
// The training session every training view uses. It owns the core's Trainers: it builds them
// (`new gradlab.Trainer(config, data)`, configurations from trainer-config.js) and always frees
// them — when a job completes, is cancelled or replaced, and when the scene goes away. It trains
// one trainer or a group side by side (one step of each in turn) in time slices under the page's
// budget (training-budget.js): as much as fits at once, then a slice per animation frame, with
// the progress after each slice. A new job cancels the one running (nothing of it is reported
// again); `stop()` ends a job early and keeps what it trained. After every step it calls the
// view's `collect` hook, which reads what the view shows (the step's statistics, a trace, …).
// Before a run it can rehearse one in idle time on a throwaway copy (`rehearse`), so that the
// first frames of the real run do not run cold code.
//
// Every failure is reported in one shape, on the run it happened to:
//   { kind: "diverged" | "invalid" | "trap", step, message, field }
// "diverged": the core's Error with kind "nonFinite" (a step, or a pass at the trained weights,
// overflowed); "invalid": any other Error of the core (a configuration it refuses); "trap": the
// wasm instance died (`errorKind` in wasm.js tells them apart) — that one also goes to the app's error reporting
// (`reportError`) and ends the job, since the instance cannot be used again. `step` is the step
// being taken (for a hook: the steps done) and `field` the path the core names, or "".
import { errorKind } from "../wasm.js";
import { FRAME_BUDGET_MS, cancelFrame, frameBudget, nextFrame, sliceDeadline, syncBudget, taskElapsed } from "./training-budget.js";
import { cancelIdle, whenIdle } from "./idle.js";

/** The longest a rehearsal works in one idle period (ms), unless a single piece takes longer. */
const REHEARSAL_SLICE_MS = 10;
/** Rounds a rehearsal needs for the hot functions to be compiled by V8's optimizing tier
 * (measured on the lab: a round's time stops falling after about 16). */
export const REHEARSAL_ROUNDS = 24;

/**
 * What `train` (and `run`) take: see `train`.
 * @typedef {{ steps: number, collect?: Function, sample?: Function, finish?: Function,
 *   onProgress?: Function, onDone?: Function, animate?: { frames?: number, perFrame?: number } | null, keep?: boolean }} TrainOptions
 */

/** The session's kind of a failure: a trap, a divergence, a refusal — or a page bug (null). */
function failureKind(error) {
  const kind = errorKind(error);
  if (kind === "trap") return "trap";
  if (kind === "nonFinite") return "diverged";
  return kind === "page" ? null : "invalid";
}

export function createTrainingSession({ gradlab, reportError }) {
  let held = []; // the runs whose trainers this session holds: { trainer, record, error, steps }
  let job = null; // the job running now
  let dead = false; // the wasm instance trapped: never call into it again
  /** @type {{ trainer: any, handle: number } | null} the rehearsal running now (its trainer once built) */
  let rehearsal = null;

  function free(runs) {
    for (const run of runs) {
      if (run.trainer && !dead) run.trainer.free();
      run.trainer = null;
    }
  }

  /** Ends the running job without another callback; its trainers are freed unless it keeps them. */
  function cancel() {
    if (!job) return;
    const ended = job;
    job = null;
    if (ended.frame) cancelFrame(ended.frame);
    if (!ended.keep) release();
  }

  function release() {
    free(held);
    held = [];
  }

  /** Ends the running job at once, with no callback (a trap, or a bug in the page). */
  function abort() {
    const ended = job;
    job = null;
    if (ended?.frame) cancelFrame(ended.frame);
    release();
  }

  /**
   * Records a failure of `run` at `step` in the one shape; true if the session can go on. A trap
   * ends everything and goes to the app's error reporting; an error that is not the core's (a bug
   * in the page) ends the job and is thrown on, never swallowed.
   */
  function fail(run, error, step) {
    const kind = failureKind(error);
    if (kind === null) {
      abort();
      throw error;
    }
    // The first failure of a run is its cause: a later one (a pass at the last good weights after
    // a refused step) does not replace it.
    run.error ??= { kind, step, message: error instanceof Error ? error.message : String(error), field: typeof error?.field === "string" ? error.field : "" };
    if (kind !== "trap") return true;
    dead = true;
    abort();
    reportError(error);
    return false;
  }

  /**
   * Replaces the held trainers by a new group: `specs` is a list of `{ config, data, record }`.
   * A configuration the core refuses leaves its run without a trainer and with the failure
   * (step 0); the others are built. Returns the first failure, or null.
   */
  function build(specs) {
    cancel();
    endRehearsal();
    release();
    if (dead) return { kind: "trap", step: 0, message: "", field: "" };
    let first = null;
    for (const { config, data, record = {} } of specs) {
      const run = { trainer: null, record, error: null, steps: 0, done: 0, config, data };
      held.push(run);
      try {
        run.trainer = new gradlab.Trainer(config, data);
      } catch (error) {
        if (!fail(run, error, 0)) return run.error;
        first ??= run.error;
      }
    }
    return first;
  }

  /** Calls `hook(run)`; a failure is recorded on the run (true if the session can go on). */
  function guard(run, hook) {
    try {
      hook(run);
      return true;
    } catch (error) {
      return fail(run, error, run.steps);
    }
  }

  /** One step of `run` and the view's collect hook; false if the session cannot go on. */
  function stepOnce(current, run) {
    let stats;
    try {
      stats = run.trainer.step(1);
    } catch (error) {
      return fail(run, error, run.steps + 1);
    }
    run.steps++;
    run.done++;
    return guard(run, (r) => current.collect?.(r, stats));
  }

  const active = (current) => current.runs.filter((r) => !r.error && r.done < current.steps);

  /**
   * Steps the job's runs in turn (a round: one step of each) until the deadline: at least one
   * round, and no round that the last one's duration says would end past the deadline.
   */
  function slice(current, budget) {
    const deadline = sliceDeadline(budget);
    const cap = current.chunk;
    let taken = 0;
    for (;;) {
      const runs = active(current).filter(() => taken < cap);
      if (!runs.length) return true;
      const start = performance.now();
      if (taken > 0 && start + current.roundMs > deadline) return true;
      for (const run of runs) if (!stepOnce(current, run) || job !== current) return false;
      taken++;
      const end = performance.now();
      current.roundMs = end - start;
      if (end >= deadline) return true;
    }
  }

  /** Steps done of the job's steps (the runs of a group go side by side: the one furthest behind). */
  function progress(current) {
    const done = Math.min(current.steps, ...current.runs.map((r) => (r.error ? current.steps : r.done)));
    return { done, total: current.steps, runs: current.runs };
  }

  function complete(current, { stopped = false } = {}) {
    if (current.frame) cancelFrame(current.frame);
    for (const run of current.runs) if (run.trainer && !guard(run, (r) => current.finish?.(r))) return;
    if (job !== current) return;
    job = null;
    if (!current.keep) release();
    current.onDone?.({ runs: current.runs, stopped, error: current.buildError });
  }

  /**
   * One frame of a job: a slice of steps, the view's `sample` of the trained weights and its
   * progress. When sampling and drawing cost more than a frame's budget themselves (a large
   * network redrawn live), a frame trains and samples, the next one draws, in turn.
   */
  function tick(current) {
    current.frame = null;
    if (job !== current) return;
    if (current.drawNext) {
      current.drawNext = false;
      later(current);
      return report(current);
    }
    if (!slice(current, frameBudget())) return;
    if (!active(current).length) return completeSoon(current);
    later(current);
    const start = performance.now();
    current.sample?.(current.runs);
    current.sampleMs = performance.now() - start;
    if (current.sampleMs + current.drawMs > FRAME_BUDGET_MS) current.drawNext = true;
    else report(current);
  }

  /** The view's onProgress, timed. */
  function report(current) {
    const start = performance.now();
    current.onProgress?.(progress(current));
    current.drawMs = performance.now() - start;
  }

  /** The job's next slice, in the next animation frame. */
  function later(current) {
    current.frame = () => tick(current);
    nextFrame(current.frame);
  }

  /**
   * Completes a job whose steps are done: at once if this task has trained only a little (a small
   * job jumps to the end), else in the next frame, so that the finish hooks and the view's
   * drawing of the results get a task of their own.
   */
  function completeSoon(current) {
    if (taskElapsed() < FRAME_BUDGET_MS) return complete(current);
    current.frame = () => {
      current.frame = null;
      if (job === current) complete(current);
    };
    nextFrame(current.frame);
  }

  /**
   * Trains the held trainers `steps` more steps each. Options: `collect(run, stats)` after every
   * step, `finish(run)` at the end (also after Stop or a failure), `onProgress({ done, total,
   * runs })` after every slice that did not finish the job, `onDone({ runs, stopped, error })`
   * once; `animate: { frames }` spreads the steps over about that many frames (no slice at once)
   * so a view can draw every frame — or `animate: { perFrame }` takes that many steps a frame
   * (with `steps: Infinity`, until `stop()`: the lab's Play) —, and `sample(runs)` then reads, right after each slice, what
   * onProgress will draw (e.g. a pass at the trained weights); `keep` keeps the trainers after
   * the job (to train on).
   * A run is `{ record, trainer, steps, error }`: `record` is the view's own object.
   * @param {TrainOptions} options
   * @param {object | null} [buildError]
   */
  function train({ steps, collect, sample, finish, onProgress, onDone, animate = null, keep = false }, buildError = null) {
    endRehearsal();
    if (job) {
      const ended = job;
      job = null;
      if (ended.frame) cancelFrame(ended.frame);
    }
    const current = { runs: held, steps, collect, sample, finish, onProgress, onDone, keep, buildError, frame: null, chunk: Infinity, roundMs: 0, sampleMs: 0, drawMs: 0, drawNext: false };
    for (const run of held) run.done = 0;
    job = current;
    if (animate) {
      current.chunk = animate.perFrame ?? Math.max(1, Math.ceil(steps / animate.frames));
    } else {
      if (!slice(current, syncBudget())) return;
      if (!active(current).length) return completeSoon(current);
    }
    later(current);
    if (!animate) report(current);
  }

  /** Calls `work(timeLeft)` in the next idle period (idle.js). */
  const idle = (work) => whenIdle(work, 500);

  function endRehearsal() {
    if (!rehearsal) return;
    cancelIdle(rehearsal.handle);
    if (!dead) rehearsal.trainer?.free();
    rehearsal = null;
  }

  /**
   * Rehearses a run in idle time so that its first frames do not run cold wasm (V8 optimizes a
   * function only once it has run hot: cold, the lab's first second of Play drew at a third of
   * its speed). A throwaway trainer built like the first held one trains `rounds` rounds of
   * `stepsPerRound` steps, each round followed by `views` (the view's own reads and drawing, given
   * the trainer and the round's statistics). The work goes in pieces (a step, a view), at most
   * REHEARSAL_SLICE_MS of them per idle period. Ends after the last round (`onDone()`), silently
   * at a failure (the real run reports its own), and at any build, train or destroy.
   * @param {{ rounds: number, stepsPerRound: number, views: ((trainer: any, stats: any[]) => void)[], onDone?: () => void }} options
   */
  function rehearse({ rounds, stepsPerRound, views, onDone }) {
    endRehearsal();
    const source = held[0];
    if (dead || !source?.trainer) return;
    // The trainer is built in the first idle period too, not in the task that asked.
    const current = { trainer: null, handle: 0 };
    rehearsal = current;
    /** @type {any[]} */
    let stats = [];
    const build = () => (current.trainer = new gradlab.Trainer(source.config, source.data));
    const step = () => stats.push(current.trainer.step(1));
    const round = [...Array.from({ length: stepsPerRound }, () => step), ...views.map((view) => () => view(current.trainer, stats)), () => (stats = [])];
    let next = -1; // -1: build the trainer
    const total = rounds * round.length;
    const work = (timeLeft) => {
      if (rehearsal !== current) return;
      const until = performance.now() + REHEARSAL_SLICE_MS;
      try {
        do next < 0 ? build() : round[next % round.length]();
        while (++next < total && timeLeft() > 1 && performance.now() < until);
      } catch (error) {
        endRehearsal();
        return fail({ error: null }, error, 0);
      }
      if (next < total) current.handle = idle(work);
      else {
        endRehearsal();
        onDone?.();
      }
    };
    current.handle = idle(work);
  }

  return {
    rehearse,
    /**
     * A new group of trainers (see `build`), trained `steps` steps each; `begin(run)` is called
     * once each trainer is built, the other options are those of `train` (without `keep`, the
     * trainers are freed when the job ends). `onDone`'s `error` is the first configuration the
     * core refused (its run has no steps), or null.
     * @param {TrainOptions & { runs: object[], begin?: Function }} job
     */
    run({ runs, begin, ...options }) {
      const error = build(runs);
      if (error?.kind === "trap") return;
      for (const run of held) if (run.trainer && !guard(run, (r) => begin?.(r))) return;
      train(options, error);
    },
    build,
    /** Trains the held trainers on (see `train`). */
    train: (options) => train(options),
    /** Calls `read(trainer)` on the first held trainer: `{ value }` or `{ error }` (one shape). */
    read(read) {
      const run = held[0];
      if (!run?.trainer) return { value: undefined, error: null };
      try {
        return { value: read(run.trainer), error: null };
      } catch (error) {
        const probe = { error: null };
        fail(probe, error, run.steps);
        return { value: undefined, error: probe.error };
      }
    },
    /** Ends the running job now and keeps what it trained (its finish hooks and onDone run). */
    stop() {
      if (job) complete(job, { stopped: true });
    },
    cancel,
    /** Cancels the job and frees every trainer (the scene goes away). */
    destroy() {
      cancel();
      endRehearsal();
      release();
    },
    /** True while a job runs in slices. */
    get busy() {
      return job !== null;
    },
  };
}
