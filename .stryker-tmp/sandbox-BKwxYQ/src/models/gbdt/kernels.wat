;; The hot loops of boosting, in WebAssembly: growing a tree (histograms, partitions) and
;; walking the trees to predict. V8 runs them about 2–3× faster than the same loops in
;; JavaScript, which reload each typed array's base and length and check bounds on every
;; access. scripts/build-wasm.mjs compiles this file into kernels-wasm.ts; workspace.ts and
;; predict.ts lay out the memory and call these functions.
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

  ;; For each of `count` trees (root node numbers, i32, at `roots`), adds to raw[row] (f64)
  ;; the value of the leaf that each row of the row-major matrix at `x` (f64, `cols` per row)
  ;; reaches. The nodes of all trees are numbered together: feature (i32, −1 at a leaf),
  ;; threshold (f64), missingLeft (i32, 1 when missing values go left), left and right
  ;; (i32 node numbers) and value (f64), one array each. A row goes left when its value is
  ;; at most the threshold.
  (func (export "addTrees")
    (param $raw i32) (param $x i32) (param $cols i32) (param $rows i32)
    (param $feature i32) (param $threshold i32) (param $missingLeft i32) (param $left i32) (param $right i32) (param $value i32)
    (param $roots i32) (param $count i32)
    (local $t i32) (local $i i32) (local $node i32) (local $f i32) (local $v f64) (local $base i32) (local $stride i32) (local $root i32) (local $at i32)
    (local.set $stride (i32.shl (local.get $cols) (i32.const 3)))
    (block $treesDone
      (br_if $treesDone (i32.eqz (local.get $count)))
      (loop $trees
        (local.set $root (i32.load (i32.add (local.get $roots) (i32.shl (local.get $t) (i32.const 2)))))
        (local.set $i (i32.const 0))
        (local.set $base (local.get $x))
        (block $rowsDone
          (br_if $rowsDone (i32.eqz (local.get $rows)))
          (loop $eachRow
            (local.set $node (local.get $root))
            (local.set $f (i32.load (i32.add (local.get $feature) (i32.shl (local.get $node) (i32.const 2)))))
            (block $leaf
              (loop $walk
                (br_if $leaf (i32.lt_s (local.get $f) (i32.const 0)))
                (local.set $v (f64.load (i32.add (local.get $base) (i32.shl (local.get $f) (i32.const 3)))))
                (local.set $at (i32.shl (local.get $node) (i32.const 2)))
                (if (if (result i32) (f64.ne (local.get $v) (local.get $v))
                      (then (i32.load (i32.add (local.get $missingLeft) (local.get $at))))
                      (else (f64.le (local.get $v) (f64.load (i32.add (local.get $threshold) (i32.shl (local.get $node) (i32.const 3)))))))
                  (then (local.set $node (i32.load (i32.add (local.get $left) (local.get $at)))))
                  (else (local.set $node (i32.load (i32.add (local.get $right) (local.get $at))))))
                (local.set $f (i32.load (i32.add (local.get $feature) (i32.shl (local.get $node) (i32.const 2)))))
                (br $walk)))
            (local.set $at (i32.add (local.get $raw) (i32.shl (local.get $i) (i32.const 3))))
            (f64.store (local.get $at)
              (f64.add (f64.load (local.get $at)) (f64.load (i32.add (local.get $value) (i32.shl (local.get $node) (i32.const 3))))))
            (local.set $base (i32.add (local.get $base) (local.get $stride)))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br_if $eachRow (i32.lt_u (local.get $i) (local.get $rows)))))
        (local.set $t (i32.add (local.get $t) (i32.const 1)))
        (br_if $trees (i32.lt_u (local.get $t) (local.get $count))))))
)
