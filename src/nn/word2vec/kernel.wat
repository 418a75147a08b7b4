;; The negative-sampling update of word2vec.c, 4 floats at a time (WebAssembly SIMD).
;; All pointers are byte offsets into the shared memory; the sigmoid table sits at offset 0
;; (1000 floats over [-6, 6)). Rows are dim floats long, dim a multiple of 4 (dim4 = dim * 4 bytes).
(module
  (import "env" "memory" (memory 1 65536 shared))

  ;; For one input vector `in` (a word's syn0 row, or CBOW's context mean) and n targets
  ;; (syn1 row pointers at tgt; the first is the true word, label 1; the rest noise, label 0):
  ;; accumulates the input's gradient into e and updates each target row.
  (func $negLoop (param $in i32) (param $tgt i32) (param $n i32) (param $alpha f32) (param $e i32) (param $dim4 i32)
    (local $d i32) (local $l2 i32) (local $c i32) (local $acc v128) (local $f f32) (local $g f32)
    (local $gv v128) (local $label f32) (local $o v128)
    ;; e = 0
    (local.set $c (i32.const 0))
    (block $z_end (loop $z
      (br_if $z_end (i32.ge_u (local.get $c) (local.get $dim4)))
      (v128.store (i32.add (local.get $e) (local.get $c)) (v128.const i32x4 0 0 0 0))
      (local.set $c (i32.add (local.get $c) (i32.const 16)))
      (br $z)))
    (local.set $d (i32.const 0))
    (block $d_end (loop $dl
      (br_if $d_end (i32.ge_u (local.get $d) (local.get $n)))
      (local.set $l2 (i32.load (i32.add (local.get $tgt) (i32.shl (local.get $d) (i32.const 2)))))
      (local.set $label (select (f32.const 1) (f32.const 0) (i32.eqz (local.get $d))))
      ;; f = in · syn1[l2]
      (local.set $acc (v128.const i32x4 0 0 0 0))
      (local.set $c (i32.const 0))
      (block $dot_end (loop $dot
        (br_if $dot_end (i32.ge_u (local.get $c) (local.get $dim4)))
        (local.set $acc (f32x4.add (local.get $acc)
          (f32x4.mul (v128.load (i32.add (local.get $in) (local.get $c)))
                     (v128.load (i32.add (local.get $l2) (local.get $c))))))
        (local.set $c (i32.add (local.get $c) (i32.const 16)))
        (br $dot)))
      (local.set $f (f32.add
        (f32.add (f32x4.extract_lane 0 (local.get $acc)) (f32x4.extract_lane 1 (local.get $acc)))
        (f32.add (f32x4.extract_lane 2 (local.get $acc)) (f32x4.extract_lane 3 (local.get $acc)))))
      ;; g = (label - sigmoid(f)) * alpha, with word2vec.c's clipping at ±6
      (if (f32.gt (local.get $f) (f32.const 6))
        (then (local.set $g (f32.mul (f32.sub (local.get $label) (f32.const 1)) (local.get $alpha))))
        (else (if (f32.lt (local.get $f) (f32.const -6))
          (then (local.set $g (f32.mul (local.get $label) (local.get $alpha))))
          (else (local.set $g (f32.mul (local.get $alpha) (f32.sub (local.get $label)
            (f32.load (i32.shl
              (i32.trunc_f32_s (f32.mul (f32.add (local.get $f) (f32.const 6)) (f32.const 83.33333333)))
              (i32.const 2))))))))))
      (local.set $gv (f32x4.splat (local.get $g)))
      ;; e += g * syn1[l2]; syn1[l2] += g * in   (e uses the old syn1 row)
      (local.set $c (i32.const 0))
      (block $u_end (loop $u
        (br_if $u_end (i32.ge_u (local.get $c) (local.get $dim4)))
        (local.set $o (v128.load (i32.add (local.get $l2) (local.get $c))))
        (v128.store (i32.add (local.get $e) (local.get $c))
          (f32x4.add (v128.load (i32.add (local.get $e) (local.get $c))) (f32x4.mul (local.get $gv) (local.get $o))))
        (v128.store (i32.add (local.get $l2) (local.get $c))
          (f32x4.add (local.get $o) (f32x4.mul (local.get $gv) (v128.load (i32.add (local.get $in) (local.get $c))))))
        (local.set $c (i32.add (local.get $c) (i32.const 16)))
        (br $u)))
      (local.set $d (i32.add (local.get $d) (i32.const 1)))
      (br $dl))))

  ;; dst += src over dim4 bytes
  (func $addRow (param $dst i32) (param $src i32) (param $dim4 i32)
    (local $c i32)
    (block $end (loop $l
      (br_if $end (i32.ge_u (local.get $c) (local.get $dim4)))
      (v128.store (i32.add (local.get $dst) (local.get $c))
        (f32x4.add (v128.load (i32.add (local.get $dst) (local.get $c))) (v128.load (i32.add (local.get $src) (local.get $c)))))
      (local.set $c (i32.add (local.get $c) (i32.const 16)))
      (br $l))))

  ;; Skip-gram, one (context word, centre word) pair: syn0 row l1 predicts the targets.
  (func (export "skipgram") (param $l1 i32) (param $tgt i32) (param $n i32) (param $alpha f32) (param $e i32) (param $dim4 i32)
    (call $negLoop (local.get $l1) (local.get $tgt) (local.get $n) (local.get $alpha) (local.get $e) (local.get $dim4))
    (call $addRow (local.get $l1) (local.get $e) (local.get $dim4)))

  ;; CBOW, one centre word: the mean of cw context rows (pointers at ctx) predicts the targets;
  ;; every context row then gets the whole gradient (as word2vec.c does).
  (func (export "cbow") (param $ctx i32) (param $cw i32) (param $tgt i32) (param $n i32) (param $alpha f32)
                        (param $h i32) (param $e i32) (param $dim4 i32)
    (local $k i32) (local $c i32) (local $inv v128)
    (local.set $c (i32.const 0))
    (block $z_end (loop $z
      (br_if $z_end (i32.ge_u (local.get $c) (local.get $dim4)))
      (v128.store (i32.add (local.get $h) (local.get $c)) (v128.const i32x4 0 0 0 0))
      (local.set $c (i32.add (local.get $c) (i32.const 16)))
      (br $z)))
    (block $k_end (loop $kl
      (br_if $k_end (i32.ge_u (local.get $k) (local.get $cw)))
      (call $addRow (local.get $h) (i32.load (i32.add (local.get $ctx) (i32.shl (local.get $k) (i32.const 2)))) (local.get $dim4))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br $kl)))
    (local.set $inv (f32x4.splat (f32.div (f32.const 1) (f32.convert_i32_u (local.get $cw)))))
    (local.set $c (i32.const 0))
    (block $m_end (loop $m
      (br_if $m_end (i32.ge_u (local.get $c) (local.get $dim4)))
      (v128.store (i32.add (local.get $h) (local.get $c)) (f32x4.mul (local.get $inv) (v128.load (i32.add (local.get $h) (local.get $c)))))
      (local.set $c (i32.add (local.get $c) (i32.const 16)))
      (br $m)))
    (call $negLoop (local.get $h) (local.get $tgt) (local.get $n) (local.get $alpha) (local.get $e) (local.get $dim4))
    (local.set $k (i32.const 0))
    (block $a_end (loop $al
      (br_if $a_end (i32.ge_u (local.get $k) (local.get $cw)))
      (call $addRow (i32.load (i32.add (local.get $ctx) (i32.shl (local.get $k) (i32.const 2)))) (local.get $e) (local.get $dim4))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br $al))))

  ;; Search: out[r] = row r · q for rows r < n of the [n, dim] matrix at mat (cosine when both
  ;; are unit length).
  (func (export "scores") (param $mat i32) (param $n i32) (param $q i32) (param $out i32) (param $dim4 i32)
    (local $r i32) (local $c i32) (local $row i32) (local $acc v128)
    (block $r_end (loop $rl
      (br_if $r_end (i32.ge_u (local.get $r) (local.get $n)))
      (local.set $row (i32.add (local.get $mat) (i32.mul (local.get $r) (local.get $dim4))))
      (local.set $acc (v128.const i32x4 0 0 0 0))
      (local.set $c (i32.const 0))
      (block $c_end (loop $cl
        (br_if $c_end (i32.ge_u (local.get $c) (local.get $dim4)))
        (local.set $acc (f32x4.add (local.get $acc)
          (f32x4.mul (v128.load (i32.add (local.get $row) (local.get $c))) (v128.load (i32.add (local.get $q) (local.get $c))))))
        (local.set $c (i32.add (local.get $c) (i32.const 16)))
        (br $cl)))
      (f32.store (i32.add (local.get $out) (i32.shl (local.get $r) (i32.const 2)))
        (f32.add
          (f32.add (f32x4.extract_lane 0 (local.get $acc)) (f32x4.extract_lane 1 (local.get $acc)))
          (f32.add (f32x4.extract_lane 2 (local.get $acc)) (f32x4.extract_lane 3 (local.get $acc)))))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (br $rl))))

  ;; Loading: n float16 numbers at src → float32 at dst, 4 at a time (n a multiple of 4).
  ;; Shifting the 15 magnitude bits into float32 position and multiplying by 2^112 rebases the
  ;; exponent (15 → 127) and handles subnormals exactly; inf/NaN are never stored, so not handled.
  (func (export "f16to32") (param $src i32) (param $dst i32) (param $n i32)
    (local $i i32) (local $h v128)
    (block $end (loop $l
      (br_if $end (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $h (v128.load16x4_u (i32.add (local.get $src) (i32.shl (local.get $i) (i32.const 1)))))
      (v128.store (i32.add (local.get $dst) (i32.shl (local.get $i) (i32.const 2)))
        (v128.or
          (i32x4.shl (v128.and (local.get $h) (v128.const i32x4 0x8000 0x8000 0x8000 0x8000)) (i32.const 16))
          (f32x4.mul
            (i32x4.shl (v128.and (local.get $h) (v128.const i32x4 0x7fff 0x7fff 0x7fff 0x7fff)) (i32.const 13))
            (v128.const f32x4 0x1p112 0x1p112 0x1p112 0x1p112))))
      (local.set $i (i32.add (local.get $i) (i32.const 4)))
      (br $l))))

  ;; Scales each of the n rows of the [n, dim] matrix at mat to unit length (zero rows stay zero).
  (func (export "normalize") (param $mat i32) (param $n i32) (param $dim4 i32)
    (local $r i32) (local $c i32) (local $row i32) (local $acc v128) (local $norm f32) (local $inv v128)
    (block $r_end (loop $rl
      (br_if $r_end (i32.ge_u (local.get $r) (local.get $n)))
      (local.set $row (i32.add (local.get $mat) (i32.mul (local.get $r) (local.get $dim4))))
      (local.set $acc (v128.const i32x4 0 0 0 0))
      (local.set $c (i32.const 0))
      (block $c_end (loop $cl
        (br_if $c_end (i32.ge_u (local.get $c) (local.get $dim4)))
        (local.set $acc (f32x4.add (local.get $acc)
          (f32x4.mul (v128.load (i32.add (local.get $row) (local.get $c))) (v128.load (i32.add (local.get $row) (local.get $c))))))
        (local.set $c (i32.add (local.get $c) (i32.const 16)))
        (br $cl)))
      (local.set $norm (f32.sqrt (f32.add
        (f32.add (f32x4.extract_lane 0 (local.get $acc)) (f32x4.extract_lane 1 (local.get $acc)))
        (f32.add (f32x4.extract_lane 2 (local.get $acc)) (f32x4.extract_lane 3 (local.get $acc))))))
      (if (f32.gt (local.get $norm) (f32.const 0))
        (then
          (local.set $inv (f32x4.splat (f32.div (f32.const 1) (local.get $norm))))
          (local.set $c (i32.const 0))
          (block $s_end (loop $sl
            (br_if $s_end (i32.ge_u (local.get $c) (local.get $dim4)))
            (v128.store (i32.add (local.get $row) (local.get $c))
              (f32x4.mul (local.get $inv) (v128.load (i32.add (local.get $row) (local.get $c)))))
            (local.set $c (i32.add (local.get $c) (i32.const 16)))
            (br $sl)))))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (br $rl))))
)
