using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;
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
/// <para><b>Index.</b> Rules are grouped by shape (bound dimensions + NCM prefix length) into hash maps
/// keyed by their bound values. A lookup interns the context's codes once, then probes the shapes in
/// specificity order with one hash look-up each and stops at the first hit. Rules sharing one key (versions over
/// time, quantity tiers) are sorted by first day and searched from the latest version in force backwards. The
/// cost depends on the number of shapes, not of rules.</para>
/// </remarks>
/// <typeparam name="TPayload">What the matrix resolves to.</typeparam>
public sealed class Matrix<TPayload> where TPayload : IMatrixPayload<TPayload>
{
    private static readonly int[] PowersOfTen = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000];

    private readonly Shape[] _shapes;
    private readonly Dimension[] _usedDimensions;
    private readonly Dictionary<string, int>[] _codes;

    private Matrix(MatrixRule<TPayload>[] rules, Shape[] shapes, Dictionary<string, int>[] codes)
    {
        Rules = Array.AsReadOnly(rules);
        _shapes = shapes;
        _codes = codes;
        var used = shapes.Aggregate(0, (bits, s) => bits | s.Bits);
        _usedDimensions = DimensionSet.InOrder.Where(d => (used & DimensionSet.Bit(d)) != 0).ToArray();
    }

    /// <summary>The rules, in the order they were given.</summary>
    public IReadOnlyList<MatrixRule<TPayload>> Rules { get; }

    /// <summary>
    /// Builds the matrix, or reports every configuration error: missing or duplicate ids, reversed
    /// validities, empty quantity ranges, malformed NCM prefixes, blank codes, dimensions the matrix does not
    /// accept, invalid payloads, and every pair of rules with identical keys and overlapping ranges.
    /// </summary>
    public static MatrixResult<Matrix<TPayload>> Build(IEnumerable<MatrixRule<TPayload>> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var list = rules.ToArray();
        var problems = new List<Problem>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var codes = DimensionSet.InOrder.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
        var groups = new Dictionary<(int Bits, int NcmLength), Dictionary<KeyValues, Entry[]>>();

        foreach (var rule in list)
        {
            var field = $"{TPayload.MatrixName}[{rule.Id}]";
            var before = problems.Count;
            if (string.IsNullOrWhiteSpace(rule.Id))
                problems.Add(new(field, MatrixCodes.IdEmpty, $"Regra da matriz {TPayload.MatrixName} sem identificador."));
            else if (!ids.Add(rule.Id))
                problems.Add(new(field, MatrixCodes.IdDuplicate, $"Identificador {rule.Id} repetido na matriz {TPayload.MatrixName}."));
            problems.AddRange(rule.Payload.Validate(field));
            var (bits, values, ncmLength) = Index(rule.Key, field, codes, problems);
            if (problems.Count > before)
                continue;
            var group = groups.TryGetValue((bits, ncmLength), out var g) ? g : groups[(bits, ncmLength)] = [];
            var entry = new Entry(rule);
            ref var same = ref CollectionsMarshal.GetValueRefOrAddDefault(group, values, out _);
            same = same is null ? [entry] : [.. same, entry]; // several rules per key (versions, tiers) are few
        }

        foreach (var same in groups.Values.SelectMany(g => g.Values).Where(s => s.Length > 1))
            ReportOverlaps(same, problems);

        if (problems.Count > 0)
            return new Invalid(problems);
        foreach (var same in groups.Values.SelectMany(g => g.Values))
            Array.Sort(same, (a, b) => a.FirstDay.CompareTo(b.FirstDay));
        var shapes = groups
            .Select(g => new Shape(g.Key.Bits, g.Key.NcmLength, g.Value))
            .OrderBy(s => s, ShapeSpecificity.Instance)
            .ToArray();
        return new Matrix<TPayload>(list, shapes, codes);
    }

    /// <summary>The most specific rule matching <paramref name="context"/>, or null when none does. Allocates nothing.</summary>
    public MatrixRule<TPayload>? Find(MatrixContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        KeyValues values = default;
        var known = 0;
        var day = context.Date.ToDateOnly().DayNumber;
        var ncmDigits = 0;
        foreach (var dimension in _usedDimensions)
        {
            if (dimension == Dimension.Ncm)
            {
                if (context.Ncm is not { Value: { } ncm })
                    continue;
                foreach (var digit in ncm) // always 8 digits
                    ncmDigits = ncmDigits * 10 + (digit - '0');
            }
            else if (MatrixCoordinates.IsCode(dimension))
            {
                // A code no rule mentions cannot match: leave the dimension unknown.
                if (context.CodeOf(dimension) is not { } code || !_codes[(int)dimension].TryGetValue(code, out var id))
                    continue;
                values[(int)dimension] = id;
            }
            else if (context.NumberOf(dimension) is { } number)
                values[(int)dimension] = number;
            else
                continue;
            known |= DimensionSet.Bit(dimension);
        }

        foreach (var shape in _shapes)
        {
            if ((shape.Bits & ~known) != 0)
                continue;
            KeyValues probe = default;
            foreach (var slot in shape.Slots)
                probe[slot] = values[slot];
            if (shape.NcmLength > 0)
                probe[(int)Dimension.Ncm] = ncmDigits / PowersOfTen[8 - shape.NcmLength];
            if (shape.Rules.TryGetValue(probe, out var entries) && Covering(entries, day, context.Quantity) is { } rule)
                return rule;
        }
        return null;
    }

    /// <summary>
    /// The rule of one key covering the day and quantity. Entries are sorted by first day, so the search starts
    /// at the latest version already in force and walks back: the current version of a long history is found first.
    /// </summary>
    private static MatrixRule<TPayload>? Covering(Entry[] entries, int day, decimal? quantity)
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
                return entries[i].Rule;
        return null;
    }

    /// <summary>Finds the most specific rule matching <paramref name="context"/>; false when none does.</summary>
    public bool TryFind(MatrixContext context, [NotNullWhen(true)] out MatrixRule<TPayload>? rule) =>
        (rule = Find(context)) is not null;

    /// <summary>The problem to report when <see cref="Find"/> found nothing for a line.</summary>
    public static Problem NoRule(string field, LocalDate date) =>
        new(field, MatrixCodes.NoRule, $"Nenhuma regra da matriz {TPayload.MatrixName} se aplica em {date:dd/MM/yyyy}.");

    private static (int Bits, KeyValues Values, int NcmLength) Index(
        MatrixKey key, string field, Dictionary<string, int>[] codes, List<Problem> problems)
    {
        var (bits, ncmLength) = (0, 0);
        KeyValues values = default;
        foreach (var dimension in DimensionSet.InOrder)
        {
            int value;
            if (dimension == Dimension.Ncm)
            {
                if (key.NcmPrefix is null)
                    continue;
                if (!TryParseNcmPrefix(key.NcmPrefix, out value, out ncmLength))
                    problems.Add(new($"{field}.ncm", MatrixCodes.NcmPrefix, $"Prefixo de NCM '{key.NcmPrefix}' deve ter de 1 a 8 dígitos."));
            }
            else if (MatrixCoordinates.IsCode(dimension))
            {
                if (key.CodeOf(dimension) is not { } code)
                    continue;
                if (string.IsNullOrWhiteSpace(code))
                    problems.Add(new($"{field}.{dimension}", MatrixCodes.BlankCode, $"Código em branco na dimensão {dimension}."));
                var table = codes[(int)dimension];
                value = table.TryGetValue(code, out var id) ? id : table[code] = table.Count + 1;
            }
            else if (key.NumberOf(dimension) is { } number)
                value = number;
            else
                continue;

            if (!TPayload.Dimensions.Contains(dimension))
                problems.Add(new($"{field}.{dimension}", MatrixCodes.DimensionNotAllowed,
                    $"A matriz {TPayload.MatrixName} não aceita a dimensão {dimension}."));
            bits |= DimensionSet.Bit(dimension);
            values[(int)dimension] = value;
        }

        if (key.Validity.IsReversed)
            problems.Add(new($"{field}.validity", MatrixCodes.ValidityReversed, $"Vigência {key.Validity} termina antes de começar."));
        if (key.Quantity.IsInvalid)
            problems.Add(new($"{field}.quantity", MatrixCodes.QuantityRange, $"Faixa de quantidade {key.Quantity} vazia ou negativa."));
        return (bits, values, ncmLength);
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

    private static void ReportOverlaps(Entry[] same, List<Problem> problems)
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

    /// <summary>A rule with its validity as ISO day numbers, so that the date test is two integer comparisons.</summary>
    private readonly struct Entry(MatrixRule<TPayload> rule)
    {
        public int FirstDay { get; } = rule.Key.Validity.From?.ToDateOnly().DayNumber ?? int.MinValue;
        private readonly int _lastDay = rule.Key.Validity.To?.ToDateOnly().DayNumber ?? int.MaxValue;
        private readonly bool _anyQuantity = rule.Key.Quantity.IsAny;

        public MatrixRule<TPayload> Rule { get; } = rule;

        public bool Covers(int day, decimal? quantity) =>
            day >= FirstDay && day <= _lastDay && (_anyQuantity || Rule.Key.Quantity.Contains(quantity));
    }

    private sealed class Shape(int bits, int ncmLength, Dictionary<KeyValues, Entry[]> rules)
    {
        public int Bits { get; } = bits;
        public int NcmLength { get; } = ncmLength;
        public int[] Slots { get; } = DimensionSet.InOrder.Where(d => (bits & DimensionSet.Bit(d)) != 0).Select(d => (int)d).ToArray();
        public Dictionary<KeyValues, Entry[]> Rules { get; } = rules;
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
