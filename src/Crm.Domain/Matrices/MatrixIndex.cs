using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Crm.Domain.Problems;

namespace Crm.Domain.Matrices;

/// <summary>
/// How a <see cref="Matrix{TPayload}"/> finds the most specific rule matching a context fast; the matrix holds what a rule
/// means (validation, specificity, overlaps), this type only where its rules are. Immutable: a changed matrix gets a new
/// index sharing the parts its changes leave alone. A struct held inline by its matrix, so that a lookup reads the shapes
/// as directly as before the index had a type of its own.
/// </summary>
/// <remarks>
/// Rules are grouped by shape (bound dimensions + NCM prefix length); each shape is an open-addressing hash table of its
/// keys, stored flat: buckets (hash tag, rules), then entries holding each rule with its key's first values, payload and id.
/// A <see cref="MatrixContext"/> hashes each of its values once, as it is set (a code by its string hash: no interning, so no
/// table to search before the probes), so one line looked up in many matrices is hashed once; a lookup probes the shapes
/// the context can match, most specific first (<see cref="Matrix{TPayload}.CompareSpecificity"/>), each with a sum of those
/// hashes and one bucket read, and stops at the first hit. Rules sharing one key (versions over time, quantity tiers) are
/// sorted by first day and searched from the latest version in force backwards. The cost depends on the number of shapes,
/// not of rules.
/// </remarks>
internal readonly struct MatrixIndex<TPayload> where TPayload : IMatrixPayload<TPayload>
{
    private readonly Shape[] _shapes; // most specific first
    private readonly int _count;

    private MatrixIndex(Shape[] shapes)
    {
        Array.Sort(shapes, (x, y) => Matrix<TPayload>.CompareSpecificity((x.Bits, x.NcmLength), (y.Bits, y.NcmLength)));
        _shapes = shapes;
        foreach (var shape in shapes)
            _count += shape.Count;
    }

    /// <summary>Indexes valid rules grouped by shape, reporting every pair of rules with the same key whose ranges overlap.</summary>
    public static MatrixIndex<TPayload> Build(ShapedRules rules, ref ProblemCollector problems)
    {
        var shapes = new Shape[rules.Count];
        var next = 0;
        foreach (var (key, shaped) in rules)
            shapes[next++] = new Shape(key.Bits, key.NcmLength, shaped, ref problems);
        return new MatrixIndex<TPayload>(shapes);
    }

    /// <summary>
    /// This index with the <paramref name="gone"/> rules taken out and the <paramref name="added"/> ones put in; the shapes
    /// neither touches are shared, and only the groups of changed keys are checked for overlaps.
    /// </summary>
    public MatrixIndex<TPayload> With(ShapedRules gone, ShapedRules added, ref ProblemCollector problems)
    {
        var shapes = new List<Shape>();
        foreach (var shape in _shapes)
        {
            var key = (shape.Bits, shape.NcmLength);
            var (removed, put) = (gone.GetValueOrDefault(key), added.GetValueOrDefault(key));
            if (removed is null && put is null)
                shapes.Add(shape);
            else if (shape.With(removed ?? [], put ?? [], ref problems) is { } changed)
                shapes.Add(changed);
            added.Remove(key);
        }
        foreach (var (key, rules) in added)
            shapes.Add(new Shape(key.Bits, key.NcmLength, rules, ref problems));
        return new MatrixIndex<TPayload>([.. shapes]);
    }

    /// <summary>The most specific rule matching <paramref name="context"/>, or null; allocates and hashes nothing.</summary>
    public MatrixRule<TPayload>? Find(MatrixContext context)
    {
        ref readonly var entry = ref FindEntry(context);
        return Unsafe.IsNullRef(in entry) ? null : entry.Rule;
    }

    /// <summary>The winning rule's payload and id, read from its entry, so that the rule object stays out of a large matrix's chain of cache misses.</summary>
    public bool TryFind(MatrixContext context, [MaybeNullWhen(false)] out TPayload payload, [MaybeNullWhen(false)] out string id)
    {
        ref readonly var entry = ref FindEntry(context);
        var found = !Unsafe.IsNullRef(in entry);
        (payload, id) = found ? (entry.Payload, entry.Id) : (default, default);
        return found;
    }

    /// <summary>The entry of the most specific rule matching <paramref name="context"/>; a null reference when none does.</summary>
    private ref readonly Entry FindEntry(MatrixContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var bits = context.Key.Bits;
        foreach (var shape in _shapes)
        {
            if ((shape.Bits & ~bits) != 0)
                continue;
            ref readonly var entry = ref shape.Find(context, context.Day, context.Quantity);
            if (!Unsafe.IsNullRef(in entry))
                return ref entry;
        }
        return ref Unsafe.NullRef<Entry>();
    }

    /// <summary>The most contexts <see cref="Prefetch"/> takes at once (it keeps two numbers per context on the stack).</summary>
    public const int PrefetchLimit = 256;

    /// <summary>Below this many rules the index stays in the cache from one lookup to the next: prefetching would only add work.</summary>
    private const int PrefetchRules = 8_192;

    /// <summary>
    /// A hint before <paramref name="contexts"/> are looked up one by one: loads into the cache what those lookups will
    /// read. Alone, a lookup in a large matrix waits for a chain of cache misses (bucket, entry, key codes, payload); here
    /// each link is loaded for every context before the next, and loads that do not depend on one another overlap. The
    /// answers do not change. Returns a value made of what was read, so that the loads are not optimized away.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public int Prefetch(ReadOnlySpan<MatrixContext> contexts)
    {
        if (_count < PrefetchRules)
            return 0;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(contexts.Length, PrefetchLimit);
        Span<int> shapes = stackalloc int[contexts.Length];
        Span<int> starts = stackalloc int[contexts.Length];
        for (var c = 0; c < contexts.Length; c++)
        {
            (shapes[c], starts[c]) = (-1, -1);
            var bits = contexts[c].Key.Bits;
            for (var s = 0; s < _shapes.Length && starts[c] < 0; s++)
                if ((_shapes[s].Bits & ~bits) == 0)
                    (shapes[c], starts[c]) = (s, _shapes[s].Home(contexts[c]));
        }
        var read = 0;
        for (var c = 0; c < contexts.Length; c++)
            if (starts[c] >= 0)
                read += _shapes[shapes[c]].Touch(starts[c]);
        return read;
    }

    /// <summary>Rules grouped by shape (bound dimensions, NCM prefix length), each with its NCM prefix padded to 8 digits.</summary>
    internal sealed class ShapedRules : Dictionary<(int Bits, int NcmLength), List<(MatrixRule<TPayload> Rule, int NcmDigits)>>
    {
        public void Add((int Bits, int NcmDigits, int NcmLength) shape, MatrixRule<TPayload> rule)
        {
            var key = (shape.Bits, shape.NcmLength);
            var rules = TryGetValue(key, out var r) ? r : this[key] = [];
            rules.Add((rule, shape.NcmDigits));
        }
    }

    /// <summary>
    /// A rule with its validity as ISO day numbers, so that the date test is two integer comparisons, its NCM prefix
    /// padded to 8 digits, and the values of its shape's first two dimensions (<paramref name="dimensions"/>, the NCM
    /// aside). A probe of a large matrix is a chain of cache misses; with the values at hand, the rule and its key are
    /// off that chain for the usual shapes of one or two dimensions.
    /// </summary>
    private readonly struct Entry(MatrixRule<TPayload> rule, int ncmPrefix, ReadOnlySpan<Dimension> dimensions)
    {
        public KeyValue First { get; } = dimensions.Length > 0 ? rule.Key.ValueOf(dimensions[0]).GetValueOrDefault() : default;

        public KeyValue Second { get; } = dimensions.Length > 1 ? rule.Key.ValueOf(dimensions[1]).GetValueOrDefault() : default;

        public TPayload Payload { get; } = rule.Payload;

        public string Id { get; } = rule.Id;

        public int FirstDay { get; } = rule.Key.Validity.From?.ToDateOnly().DayNumber ?? int.MinValue;
        private readonly int _lastDay = rule.Key.Validity.To?.ToDateOnly().DayNumber ?? int.MaxValue;
        private readonly bool _anyQuantity = rule.Key.Quantity.IsAny;

        public int NcmPrefix { get; } = ncmPrefix;

        public MatrixRule<TPayload> Rule { get; } = rule;

        public bool Covers(int day, decimal? quantity) =>
            day >= FirstDay && day <= _lastDay && (_anyQuantity || Rule.Key.Quantity.Contains(quantity));
    }

    /// <summary>
    /// One key of a shape: its hash, and where its rules are. The whole hash is kept so that a changed shape places the keys
    /// it keeps without hashing them again; 16 bytes, so that a bucket never straddles two cache lines.
    /// </summary>
    private readonly record struct Bucket(ulong Hash, int Start, int Count)
    {
        public bool IsEmpty => Count == 0;
    }

    /// <summary>
    /// The rules binding one set of dimensions (and NCM prefix length): an open-addressing hash table (linear probing,
    /// at most half full) of small buckets pointing into one flat array of rules, grouped by key. A probe reads one
    /// bucket and, when its tag matches, checks the key against the group's first rule, whose payload the caller reads next.
    /// </summary>
    private sealed class Shape
    {
        private readonly Dimension[] _dimensions; // without the NCM
        private readonly Bucket[] _buckets;
        private readonly int _shift;
        private readonly Entry[] _entries;

        /// <summary>
        /// Indexes the rules of the shape (with their NCM prefixes padded to 8 digits), reporting every pair of rules
        /// with the same key whose validities and quantities overlap.
        /// </summary>
        public Shape(int bits, int ncmLength, List<(MatrixRule<TPayload> Rule, int NcmDigits)> rules, ref ProblemCollector problems)
            : this(bits, ncmLength, DimensionSet.InOrder.Where(d => d != Dimension.Ncm && (bits & DimensionSet.Bit(d)) != 0).ToArray(), rules.Count)
        {

            // While building, a bucket's Start is the index of its key's group; the first rule of each group stands for the key.
            var groups = new List<List<Entry>>();
            var firsts = new List<Entry>();
            var homes = new List<int>();
            foreach (var (rule, ncmDigits) in rules)
            {
                var key = IndexKey.Of(rule.Key, ncmDigits);
                var home = Locate(key, rule.Key, CollectionsMarshal.AsSpan(firsts), out var hash);
                var entry = new Entry(rule, ncmDigits, _dimensions);
                if (_buckets[home].IsEmpty)
                {
                    _buckets[home] = new Bucket(hash, groups.Count, 1);
                    groups.Add([]);
                    firsts.Add(entry);
                    homes.Add(home);
                }
                groups[_buckets[home].Start].Add(entry);
            }

            var start = 0;
            for (var k = 0; k < groups.Count; k++)
            {
                var same = _entries.AsSpan(start, groups[k].Count);
                groups[k].CopyTo(same);
                ReportOverlaps(same, ref problems);
                same.Sort(ByFirstDay);
                _buckets[homes[k]] = new Bucket(_buckets[homes[k]].Hash, start, same.Length);
                start += same.Length;
            }
        }

        /// <summary>An empty table sized for <paramref name="count"/> rules, at most half full as every shape is.</summary>
        private Shape(int bits, int ncmLength, Dimension[] dimensions, int count)
        {
            Bits = bits;
            NcmLength = ncmLength;
            _dimensions = dimensions;
            var capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(2, 2 * count));
            _buckets = new Bucket[capacity];
            _shift = 64 - BitOperations.Log2((uint)capacity);
            _entries = new Entry[count];
        }

        /// <summary>
        /// This shape with the <paramref name="removed"/> rules taken out and the <paramref name="added"/> ones put in (both
        /// of this shape), or null when no rule is left; reports every pair of rules with the same key whose ranges overlap
        /// in a group that changed. Only the keys of the changed rules are hashed and compared: the groups they leave alone
        /// are copied into a new table with the hashes their buckets keep. This shape is not modified.
        /// </summary>
        public Shape? With(List<(MatrixRule<TPayload> Rule, int NcmDigits)> removed, List<(MatrixRule<TPayload> Rule, int NcmDigits)> added, ref ProblemCollector problems)
        {
            var edited = new Dictionary<int, List<Entry>>(); // the bucket of a key with changes → the key's entries after them
            List<Entry> Edit(int bucket) => edited.TryGetValue(bucket, out var group)
                ? group
                : edited[bucket] = [.. _entries.AsSpan(_buckets[bucket].Start, _buckets[bucket].Count)];

            foreach (var (rule, ncmDigits) in removed)
            {
                var group = Edit(Locate(IndexKey.Of(rule.Key, ncmDigits), rule.Key, _entries, out _));
                group.RemoveAt(group.FindIndex(e => ReferenceEquals(e.Rule, rule)));
            }
            var fresh = new List<(MatrixRule<TPayload> Rule, int NcmDigits)>(); // rules of keys this shape does not have
            foreach (var (rule, ncmDigits) in added)
            {
                var bucket = Locate(IndexKey.Of(rule.Key, ncmDigits), rule.Key, _entries, out _);
                if (_buckets[bucket].IsEmpty)
                    fresh.Add((rule, ncmDigits));
                else
                    Edit(bucket).Add(new Entry(rule, ncmDigits, _dimensions));
            }

            var count = _entries.Length - removed.Count + added.Count;
            if (count == 0)
                return null;
            var shape = new Shape(Bits, NcmLength, _dimensions, count);
            var next = 0;
            for (var i = 0; i < _buckets.Length; i++)
            {
                var bucket = _buckets[i];
                if (bucket.IsEmpty)
                    continue;
                if (!edited.TryGetValue(i, out var group))
                {
                    next = shape.Place(bucket.Hash, _entries.AsSpan(bucket.Start, bucket.Count), next);
                    continue;
                }
                var same = CollectionsMarshal.AsSpan(group);
                ReportOverlaps(same, ref problems);
                same.Sort(ByFirstDay);
                next = shape.Place(bucket.Hash, same, next);
            }
            if (fresh.Count > 0)
            {
                var keys = new Shape(Bits, NcmLength, fresh, ref problems); // groups the new keys, reporting their overlaps
                foreach (var bucket in keys._buckets)
                    next = shape.Place(bucket.Hash, keys._entries.AsSpan(bucket.Start, bucket.Count), next);
            }
            return shape;
        }

        /// <summary>
        /// Puts the entries of one key not in the table yet (sorted by first day; none: nothing to put) at
        /// <paramref name="next"/> and their bucket in the first free slot from the key's home; returns the next free entry.
        /// </summary>
        private int Place(ulong hash, ReadOnlySpan<Entry> same, int next)
        {
            if (same.IsEmpty)
                return next;
            var mask = _buckets.Length - 1;
            var i = (int)(hash >> _shift);
            while (!_buckets[i].IsEmpty)
                i = (i + 1) & mask;
            same.CopyTo(_entries.AsSpan(next));
            _buckets[i] = new Bucket(hash, next, same.Length);
            return next + same.Length;
        }

        public int Bits { get; }

        public int NcmLength { get; }

        /// <summary>How many rules the shape holds.</summary>
        public int Count => _entries.Length;

        /// <summary>
        /// The entry of the context's projection on this shape covering the day and quantity; a null reference when there
        /// is none.
        /// </summary>
        public ref readonly Entry Find(MatrixContext context, int day, decimal? quantity)
        {
            var bucket = _buckets[Locate(context.Key, context, _entries, out _)];
            var covering = bucket.IsEmpty ? -1 : Covering(_entries.AsSpan(bucket.Start, bucket.Count), day, quantity);
            return ref covering < 0 ? ref Unsafe.NullRef<Entry>() : ref _entries[bucket.Start + covering];
        }

        /// <summary>
        /// The first entry of the group in the home bucket of the context's projection on this shape, when the bucket's tag
        /// is the projection's (most likely its group: the probe's first reads); -1 otherwise.
        /// </summary>
        public int Home(MatrixContext context)
        {
            ref readonly var key = ref context.Key;
            var hash = key.HashOf(_dimensions, NcmLength > 0 ? key.NcmPrefix(NcmLength) : -1);
            var bucket = _buckets[(int)(hash >> _shift)];
            return !bucket.IsEmpty && bucket.Hash == hash ? bucket.Start : -1;
        }

        /// <summary>Reads what a probe reads of entry <paramref name="index"/> after its bucket: the entry, its key codes and payload.</summary>
        public int Touch(int index)
        {
            ref readonly var entry = ref _entries[index];
            var read = entry.FirstDay + (entry.First.Code?.Length ?? 0) + (entry.Second.Code?.Length ?? 0);
            if (!typeof(TPayload).IsValueType)
                read += Unsafe.As<FirstByte>(entry.Payload).Value;
            return read;
        }

        /// <summary>
        /// The bucket holding the projection on this shape of <paramref name="key"/> (the key of
        /// <paramref name="coordinates"/>), or the empty bucket where it would go; a bucket's key is that of
        /// <c>entries[bucket.Start]</c>.
        /// </summary>
        private int Locate(in IndexKey key, MatrixCoordinates coordinates, ReadOnlySpan<Entry> entries, out ulong hash)
        {
            var ncmPrefix = NcmLength > 0 ? key.NcmPrefix(NcmLength) : -1;
            hash = key.HashOf(_dimensions, ncmPrefix);
            var mask = _buckets.Length - 1;
            for (var i = (int)(hash >> _shift); ; i = (i + 1) & mask)
            {
                ref readonly var bucket = ref _buckets[i];
                if (bucket.IsEmpty)
                    return i;
                if (bucket.Hash != hash)
                    continue;
                ref readonly var first = ref entries[bucket.Start];
                if (first.NcmPrefix == ncmPrefix && SameValues(coordinates, first))
                    return i;
            }
        }

        /// <summary>True when <paramref name="coordinates"/> have the values of <paramref name="entry"/>'s key on this shape's dimensions.</summary>
        private bool SameValues(MatrixCoordinates coordinates, in Entry entry)
        {
            for (var k = 0; k < _dimensions.Length; k++)
            {
                var expected = k switch
                {
                    0 => entry.First,
                    1 => entry.Second,
                    _ => entry.Rule.Key.ValueOf(_dimensions[k]).GetValueOrDefault(),
                };
                if (!coordinates.ValueOf(_dimensions[k]).GetValueOrDefault().Matches(expected))
                    return false;
            }
            return true;
        }

        /// <summary>
        /// The index of the entry of one key covering the day and quantity, or -1. Entries are sorted by first day, so the
        /// search starts at the latest version already in force and walks back: the current version of a long history is
        /// found first.
        /// </summary>
        private static int Covering(ReadOnlySpan<Entry> entries, int day, decimal? quantity)
        {
            var (low, high) = (0, entries.Length);
            while (low < high)
            {
                var middle = (low + high) >>> 1;
                if (entries[middle].FirstDay <= day)
                    low = middle + 1;
                else
                    high = middle;
            }
            for (var i = low - 1; i >= 0; i--)
                if (entries[i].Covers(day, quantity))
                    return i;
            return -1;
        }

        private static int ByFirstDay(Entry a, Entry b) => a.FirstDay.CompareTo(b.FirstDay);

        /// <summary>Checks every pair of rules of one key (<see cref="Matrix{TPayload}.CheckOverlap"/>).</summary>
        private static void ReportOverlaps(ReadOnlySpan<Entry> same, ref ProblemCollector problems)
        {
            for (var i = 0; i < same.Length; i++)
                for (var j = i + 1; j < same.Length; j++)
                    Matrix<TPayload>.CheckOverlap(same[i].Rule, same[j].Rule, ref problems);
        }
    }

    /// <summary>Any object seen as its first byte of fields (every object has at least 8), to load its first cache line.</summary>
    private sealed class FirstByte
    {
#pragma warning disable CS0649 // never written: only read, to touch the cache line
        public byte Value;
#pragma warning restore CS0649
    }
}
