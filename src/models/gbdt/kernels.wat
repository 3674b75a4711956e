;; The two hot loops of growing a boosted tree, in WebAssembly: V8 runs them 2–3× faster
;; than the same loops in JavaScript, which reload each typed array's base and length and
;; check bounds on every access. scripts/build-wasm.mjs compiles this file into
;; kernels-wasm.ts; workspace.ts lays out the memory and calls these functions.
;; Every pointer is a byte offset into the imported memory.
(module
  (import "env" "memory" (memory 1))

  ;; Stable partition of the row numbers at indices[start, end) (i32 each) by
  ;; goesLeft[bins[row]] (bytes): left rows move down in place, right rows go to `scratch`
  ;; and are then copied after them. Returns where the right side starts. Each row is
  ;; written to both places and one count advances, so no branch depends on the data.
  (func (export "partition")
    (param $indices i32) (param $scratch i32) (param $bins i32) (param $goesLeft i32)
    (param $start i32) (param $end i32) (result i32)
    (local $i i32) (local $lo i32) (local $rightCount i32) (local $row i32) (local $left i32)
    (local.set $lo (local.get $start))
    (local.set $i (local.get $start))
    (block $done
      (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
      (loop $next
        (local.set $row (i32.load (i32.add (local.get $indices) (i32.shl (local.get $i) (i32.const 2)))))
        (local.set $left
          (i32.load8_u (i32.add (local.get $goesLeft)
            (i32.load8_u (i32.add (local.get $bins) (local.get $row))))))
        (i32.store (i32.add (local.get $indices) (i32.shl (local.get $lo) (i32.const 2))) (local.get $row))
        (i32.store (i32.add (local.get $scratch) (i32.shl (local.get $rightCount) (i32.const 2))) (local.get $row))
        (local.set $lo (i32.add (local.get $lo) (local.get $left)))
        (local.set $rightCount (i32.sub (i32.add (local.get $rightCount) (i32.const 1)) (local.get $left)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br_if $next (i32.lt_u (local.get $i) (local.get $end)))))
    (memory.copy
      (i32.add (local.get $indices) (i32.shl (local.get $lo) (i32.const 2)))
      (local.get $scratch)
      (i32.shl (local.get $rightCount) (i32.const 2)))
    (local.get $lo))

  ;; Adds the rows indices[start, end) to the histogram at `histogram`: per feature 256
  ;; bins of (Σg, Σh, count) as f64. `binned` holds `cols` bin bytes per row, side by side;
  ;; `gh` holds each row's gradient and hessian as two f32.
  (func (export "addRows")
    (param $histogram i32) (param $binned i32) (param $cols i32) (param $gh i32) (param $indices i32)
    (param $start i32) (param $end i32)
    (local $i i32) (local $row i32) (local $g f64) (local $h f64) (local $base i32) (local $j i32) (local $slot i32)
    (local.set $i (local.get $start))
    (block $done
      (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
      (loop $rows
        (local.set $row (i32.load (i32.add (local.get $indices) (i32.shl (local.get $i) (i32.const 2)))))
        (local.set $g (f64.promote_f32 (f32.load (i32.add (local.get $gh) (i32.shl (local.get $row) (i32.const 3))))))
        (local.set $h (f64.promote_f32 (f32.load offset=4 (i32.add (local.get $gh) (i32.shl (local.get $row) (i32.const 3))))))
        (local.set $base (i32.add (local.get $binned) (i32.mul (local.get $row) (local.get $cols))))
        (local.set $j (i32.const 0))
        (loop $features
          ;; slot = histogram + (j·256 + bin) · 24 bytes
          (local.set $slot
            (i32.add (local.get $histogram)
              (i32.mul
                (i32.add (i32.shl (local.get $j) (i32.const 8)) (i32.load8_u (i32.add (local.get $base) (local.get $j))))
                (i32.const 24))))
          (f64.store (local.get $slot) (f64.add (f64.load (local.get $slot)) (local.get $g)))
          (f64.store offset=8 (local.get $slot) (f64.add (f64.load offset=8 (local.get $slot)) (local.get $h)))
          (f64.store offset=16 (local.get $slot) (f64.add (f64.load offset=16 (local.get $slot)) (f64.const 1)))
          (local.set $j (i32.add (local.get $j) (i32.const 1)))
          (br_if $features (i32.lt_u (local.get $j) (local.get $cols))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br_if $rows (i32.lt_u (local.get $i) (local.get $end))))))
)
