using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Crm.Domain.Problems;
using Crm.Domain.Registry;
using NodaTime;

namespace Crm.Domain.Matrices;

/// <summary>
/// An immutable, indexed matrix of rules resolving a <typeparamref name="TPayload"/> from a
/// <see cref="MatrixContext"/>: the most specific matching rule wins.
/// </summary>
/// <remarks>
/// <para>A rule matches when every dimension it binds equals the context's value (the NCM by prefix),
/// its validity contains the context date and its quantity range contains the context quantity.</para>
/// <para><b>Specificity</b>, most specific first: (1) more bound dimensions; (2) between equal counts, the rule
/// binding the dimension earliest in <see cref="Dimension"/>'s precedence order where the two differ; (3) a
/// longer NCM prefix. Validity and quantity ranges are filters, not specificity: two rules with identical keys
/// (same bound values, same NCM prefix) must not overlap in both ranges, or the build reports
/// <see cref="MatrixCodes.Overlap"/>. So at most one rule of each key matches a context, and (1)–(3) order
/// the keys totally: the answer never depends on the order the rules were given in.</para>
/// <para><b>Index.</b> Rules are grouped by shape (bound dimensions + NCM prefix length); each shape is an
/// open-addressing hash table of its keys, stored flat: buckets (hash tag, rules), then entries holding each rule with
/// its key's first values, payload and id. A <see cref="MatrixContext"/> hashes each of its values once, as it is set (a
/// code by its string hash: no interning, so no table to search before the probes), so one line looked up in many
/// matrices is hashed once; a lookup probes the shapes the context can match, most specific first, each with a sum of
/// those hashes and one bucket read, and stops at the first hit. Rules sharing one key (versions over time, quantity tiers)
/// are sorted by first day and searched from the latest version in force backwards. The cost depends on the number of
/// shapes, not of rules.</para>
/// </remarks>
/// <typeparam name="TPayload">What the matrix resolves to.</typeparam>
public sealed class Matrix<TPayload> where TPayload : IMatrixPayload<TPayload>
{
    private readonly Shape[] _shapes;

    private Matrix(MatrixRule<TPayload>[] rules, Shape[] shapes)
    {
        Rules = Array.AsReadOnly(rules);
        _shapes = shapes;
    }

    /// <summary>The rules, in the order they were given.</summary>
    public IReadOnlyList<MatrixRule<TPayload>> Rules { get; }

    /// <summary>
    /// Builds the matrix, or reports every configuration error: missing or duplicate ids, reversed
    /// validities, empty quantity ranges, malformed NCM prefixes, blank codes, dimensions the matrix does not
    /// accept, invalid payloads, and every pair of rules with identical keys and overlapping ranges.
    /// </summary>
    public static Outcome<Matrix<TPayload>> Build(IEnumerable<MatrixRule<TPayload>> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var list = rules.ToArray();
        var problems = new List<Problem>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var byShape = new Dictionary<(int Bits, int NcmLength), List<(MatrixRule<TPayload> Rule, int NcmDigits)>>();

        foreach (var rule in list)
        {
            var field = $"{TPayload.MatrixName}[{rule.Id}]";
            var before = problems.Count;
            if (string.IsNullOrWhiteSpace(rule.Id))
                problems.Add(new(field, MatrixCodes.IdEmpty, $"Regra da matriz {TPayload.MatrixName} sem identificador."));
            else if (!ids.Add(rule.Id))
                problems.Add(new(field, MatrixCodes.IdDuplicate, $"Identificador {rule.Id} repetido na matriz {TPayload.MatrixName}."));
            problems.AddRange(rule.Payload.Validate(field));
            var (bits, ncmDigits, ncmLength) = Check(rule.Key, field, problems);
            if (problems.Count > before)
                continue;
            var shape = byShape.TryGetValue((bits, ncmLength), out var s) ? s : byShape[(bits, ncmLength)] = [];
            shape.Add((rule, ncmDigits));
        }

        var shapes = byShape.Select(s => new Shape(s.Key.Bits, s.Key.NcmLength, s.Value, problems)).ToArray();
        if (problems.Count > 0)
            return new Invalid(problems);
        Array.Sort(shapes, ShapeSpecificity.Instance);
        return new Matrix<TPayload>(list, shapes);
    }

    /// <summary>
    /// The most specific rule matching <paramref name="context"/>, or null when none does. Allocates nothing, and hashes
    /// nothing: the context carries the hashes of its values.
    /// </summary>
    public MatrixRule<TPayload>? Find(MatrixContext context)
    {
        ref readonly var entry = ref FindEntry(context);
        return Unsafe.IsNullRef(in entry) ? null : entry.Rule;
    }

    /// <summary>
    /// <see cref="Find"/> for a caller that needs only the winning rule's payload and id: they are read from the index
    /// entry, so the rule object stays out of a large matrix's chain of cache misses.
    /// </summary>
    internal bool TryFind(MatrixContext context, [MaybeNullWhen(false)] out TPayload payload, [MaybeNullWhen(false)] out string id)
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
    internal const int PrefetchLimit = 256;

    /// <summary>Below this many rules the index stays in the cache from one lookup to the next: prefetching would only add work.</summary>
    private const int PrefetchRules = 8_192;

    /// <summary>
    /// A hint before <paramref name="contexts"/> are looked up one by one: loads into the cache what those lookups will
    /// read. Alone, a lookup in a large matrix waits for a chain of cache misses (bucket, entry, key codes, payload); here
    /// each link is loaded for every context before the next, and loads that do not depend on one another overlap. The
    /// answers do not change. Returns a value made of what was read, so that the loads are not optimized away.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal int Prefetch(ReadOnlySpan<MatrixContext> contexts)
    {
        if (Rules.Count < PrefetchRules)
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

    /// <summary>Finds the most specific rule matching <paramref name="context"/>; false when none does.</summary>
    public bool TryFind(MatrixContext context, [NotNullWhen(true)] out MatrixRule<TPayload>? rule) =>
        (rule = Find(context)) is not null;

    /// <summary>The problem to report when <see cref="Find"/> found nothing for a line.</summary>
    public static Problem NoRule(string field, LocalDate date) =>
        new(field, MatrixCodes.NoRule, $"Nenhuma regra da matriz {TPayload.MatrixName} se aplica em {date:dd/MM/yyyy}.");

    /// <summary>
    /// Reports the key's configuration errors; returns the dimensions it binds and its NCM prefix, padded with zeros
    /// to 8 digits (-1 without one), with its length.
    /// </summary>
    private static (int Bits, int NcmDigits, int NcmLength) Check(MatrixKey key, string field, List<Problem> problems)
    {
        var (bits, ncmDigits, ncmLength) = (0, -1, 0);
        foreach (var dimension in DimensionSet.InOrder)
        {
            if (dimension == Dimension.Ncm)
            {
                if (key.NcmPrefix is null)
                    continue;
                if (TryParseNcmPrefix(key.NcmPrefix, out var digits, out ncmLength))
                    ncmDigits = IndexKey.PadNcmPrefix(digits, ncmLength);
                else
                    problems.Add(new($"{field}.ncm", MatrixCodes.NcmPrefix, $"Prefixo de NCM '{key.NcmPrefix}' deve ter de 1 a 8 dígitos."));
            }
            else if (key.ValueOf(dimension) is { } value)
            {
                if (value.Code is { } code && string.IsNullOrWhiteSpace(code))
                    problems.Add(new($"{field}.{dimension}", MatrixCodes.BlankCode, $"Código em branco na dimensão {dimension}."));
            }
            else
                continue;

            if (!TPayload.Dimensions.Contains(dimension))
                problems.Add(new($"{field}.{dimension}", MatrixCodes.DimensionNotAllowed,
                    $"A matriz {TPayload.MatrixName} não aceita a dimensão {dimension}."));
            bits |= DimensionSet.Bit(dimension);
        }

        if (key.Validity.IsReversed)
            problems.Add(new($"{field}.validity", MatrixCodes.ValidityReversed, $"Vigência {key.Validity} termina antes de começar."));
        if (key.Quantity.IsInvalid)
            problems.Add(new($"{field}.quantity", MatrixCodes.QuantityRange, $"Faixa de quantidade {key.Quantity} vazia ou negativa."));
        return (bits, ncmDigits, ncmLength);
    }

    private static bool TryParseNcmPrefix(string prefix, out int digits, out int length)
    {
        Span<char> buffer = stackalloc char[8];
        digits = 0;
        var ok = DocumentText.TryUnmask(prefix, buffer, out length) && length > 0 && !buffer[..length].ContainsAnyExceptInRange('0', '9');
        if (ok)
            digits = int.Parse(buffer[..length], provider: CultureInfo.InvariantCulture);
        return ok;
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

    /// <summary>One key of a shape: its hash tag, and where its rules are.</summary>
    private readonly record struct Bucket(uint Tag, int Start, int Count)
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
        public Shape(int bits, int ncmLength, List<(MatrixRule<TPayload> Rule, int NcmDigits)> rules, List<Problem> problems)
        {
            Bits = bits;
            NcmLength = ncmLength;
            _dimensions = DimensionSet.InOrder.Where(d => d != Dimension.Ncm && (bits & DimensionSet.Bit(d)) != 0).ToArray();
            var capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(2, 2 * rules.Count));
            _buckets = new Bucket[capacity];
            _shift = 64 - BitOperations.Log2((uint)capacity);

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
                    _buckets[home] = new Bucket((uint)hash, groups.Count, 1);
                    groups.Add([]);
                    firsts.Add(entry);
                    homes.Add(home);
                }
                groups[_buckets[home].Start].Add(entry);
            }

            _entries = new Entry[rules.Count];
            var start = 0;
            for (var k = 0; k < groups.Count; k++)
            {
                var same = _entries.AsSpan(start, groups[k].Count);
                groups[k].CopyTo(same);
                ReportOverlaps(same, problems);
                same.Sort((a, b) => a.FirstDay.CompareTo(b.FirstDay));
                _buckets[homes[k]] = new Bucket(_buckets[homes[k]].Tag, start, same.Length);
                start += same.Length;
            }
        }

        public int Bits { get; }

        public int NcmLength { get; }

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
            return !bucket.IsEmpty && bucket.Tag == (uint)hash ? bucket.Start : -1;
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
                if (bucket.Tag != (uint)hash)
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

        private static void ReportOverlaps(ReadOnlySpan<Entry> same, List<Problem> problems)
        {
            for (var i = 0; i < same.Length; i++)
                for (var j = i + 1; j < same.Length; j++)
                {
                    var (a, b) = (same[i].Rule.Key, same[j].Rule.Key);
                    if (a.Validity.Overlaps(b.Validity) && a.Quantity.Overlaps(b.Quantity))
                        problems.Add(new($"{TPayload.MatrixName}[{same[j].Rule.Id}]", MatrixCodes.Overlap,
                            $"As regras {same[i].Rule.Id} e {same[j].Rule.Id} da matriz {TPayload.MatrixName} têm as mesmas chaves e " +
                            $"vigências {a.Validity}/{b.Validity} e quantidades {a.Quantity}/{b.Quantity} sobrepostas."));
                }
        }
    }

    /// <summary>Any object seen as its first byte of fields (every object has at least 8), to load its first cache line.</summary>
    private sealed class FirstByte
    {
#pragma warning disable CS0649 // never written: only read, to touch the cache line
        public byte Value;
#pragma warning restore CS0649
    }

    /// <summary>Most specific shape first: more dimensions, then the earlier dimension in precedence, then the longer NCM prefix.</summary>
    private sealed class ShapeSpecificity : IComparer<Shape>
    {
        public static readonly ShapeSpecificity Instance = new();

        public int Compare(Shape? x, Shape? y)
        {
            var byCount = BitOperations.PopCount((uint)y!.Bits).CompareTo(BitOperations.PopCount((uint)x!.Bits));
            if (byCount != 0)
                return byCount;
            var differing = x.Bits ^ y.Bits;
            if (differing != 0)
                return (x.Bits & differing & -differing) != 0 ? -1 : 1; // lowest differing bit = earliest dimension
            return y.NcmLength.CompareTo(x.NcmLength);
        }
    }
}
