using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;
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
/// <para>Lookups go through an internal index (<see cref="MatrixIndex{TPayload}"/>): their cost depends on the number of
/// shapes (sets of bound dimensions), not of rules.</para>
/// </remarks>
/// <typeparam name="TPayload">What the matrix resolves to.</typeparam>
public sealed class Matrix<TPayload> where TPayload : IMatrixPayload<TPayload>
{
    private readonly MatrixRule<TPayload>[] _rules;
    private readonly MatrixIndex<TPayload> _index;
    private readonly Dictionary<string, int> _byId; // the index of each rule in _rules

    private Matrix(MatrixRule<TPayload>[] rules, MatrixIndex<TPayload> index, Dictionary<string, int> byId)
    {
        _rules = rules;
        Rules = Array.AsReadOnly(rules);
        _index = index;
        _byId = byId;
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
        var problems = new ProblemCollector();
        var byId = new Dictionary<string, int>(list.Length, StringComparer.Ordinal);
        var byShape = new MatrixIndex<TPayload>.ShapedRules();

        for (var i = 0; i < list.Length; i++)
            if (Check(list[i], i, byId, ref problems) is { } shape)
                byShape.Add(shape, list[i]);

        var index = MatrixIndex<TPayload>.Build(byShape, ref problems);
        return problems.HasProblems ? problems.ToInvalid() : new Matrix<TPayload>(list, index, byId);
    }

    /// <summary>
    /// This matrix with some rules changed: first the rules with the <paramref name="removedIds"/> are dropped, then each of
    /// <paramref name="rules"/> replaces, in place, the rule with its id, or is appended when there is none. The outcome is
    /// exactly that of <see cref="Build"/> over the resulting list of rules (same answers, or the same configuration
    /// errors), plus <see cref="MatrixCodes.RuleNotFound"/> for an id to remove that the matrix does not hold. It costs far
    /// less than that build for a large matrix: the rules left alone are not validated again and only the parts of the
    /// index holding changed rules are rebuilt. This matrix is left as it was, still answering as before.
    /// </summary>
    /// <remarks>When the changes are invalid, the errors are found by building the resulting list, at the cost of a build.</remarks>
    public Outcome<Matrix<TPayload>> With(IEnumerable<MatrixRule<TPayload>> rules, IEnumerable<string> removedIds)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(removedIds);
        // The id table is shared until the change removes or appends a rule: a replacement keeps its id and index.
        var (byId, owned) = (_byId, false);
        Dictionary<string, int> Own()
        {
            if (!owned)
                (byId, owned) = (new Dictionary<string, int>(byId, StringComparer.Ordinal), true);
            return byId;
        }

        var gone = new MatrixIndex<TPayload>.ShapedRules(); // this matrix's rules dropped or replaced
        var dropped = new List<int>();
        var missing = new ProblemCollector();
        foreach (var id in removedIds)
            if (Own().Remove(id, out var at))
            {
                dropped.Add(at);
                gone.Add(ShapeOf(_rules[at]), _rules[at]);
            }
            else
                missing.Add(new($"{TPayload.MatrixName}[{id}]", MatrixCodes.RuleNotFound, $"A matriz {TPayload.MatrixName} não tem a regra {id} a remover."));

        // A rule replaces the rule of this matrix with its id, once, in place; any other is appended (a repeated id is then
        // reported). Until the rules are compacted, an appended rule's index is counted from the end of this matrix's.
        var slots = (MatrixRule<TPayload>[])_rules.Clone();
        var replaced = new HashSet<int>();
        var appended = new List<MatrixRule<TPayload>>();
        var problems = new ProblemCollector();
        var changes = new MatrixIndex<TPayload>.ShapedRules();
        foreach (var rule in rules)
        {
            (int Bits, int NcmDigits, int NcmLength)? shape;
            if (rule.Id is { } id && byId.TryGetValue(id, out var at) && at < _rules.Length && replaced.Add(at))
            {
                gone.Add(ShapeOf(_rules[at]), _rules[at]);
                slots[at] = rule;
                shape = Check(rule, at, byId: null, ref problems); // its id is the one it replaces
            }
            else
            {
                shape = Check(rule, _rules.Length + appended.Count, Own(), ref problems);
                appended.Add(rule);
            }
            if (shape is { } s)
                changes.Add(s, rule);
        }

        var list = dropped.Count == 0 && appended.Count == 0 ? slots : Compacted(slots, dropped, appended, Own());
        if (!problems.HasProblems)
        {
            var index = _index.With(gone, changes, ref problems);
            if (!problems.HasProblems && !missing.HasProblems)
                return new Matrix<TPayload>(list, index, byId);
        }
        var built = Build(list);
        if (!missing.HasProblems)
            return built;
        missing.AddRange(built.Problems);
        return missing.ToInvalid();
    }

    /// <summary>
    /// <paramref name="slots"/> without the <paramref name="dropped"/> indices, then <paramref name="appended"/>, with the
    /// indices in <paramref name="byId"/> of the rules that moved brought up to date.
    /// </summary>
    private static MatrixRule<TPayload>[] Compacted(
        MatrixRule<TPayload>[] slots, List<int> dropped, List<MatrixRule<TPayload>> appended, Dictionary<string, int> byId)
    {
        var kept = slots.Length - dropped.Count;
        var list = new MatrixRule<TPayload>[kept + appended.Count];
        dropped.Sort();
        var (from, to) = (0, 0);
        foreach (var at in dropped)
        {
            Array.Copy(slots, from, list, to, at - from);
            (to, from) = (to + at - from, at + 1);
        }
        Array.Copy(slots, from, list, to, slots.Length - from);
        appended.CopyTo(list, kept);
        for (var i = dropped.Count > 0 ? dropped[0] : kept; i < list.Length; i++)
            if (list[i].Id is { } id)
                byId[id] = i;
        return list;
    }

    /// <summary>The shape of a rule of this matrix (its key is valid).</summary>
    private static (int Bits, int NcmDigits, int NcmLength) ShapeOf(MatrixRule<TPayload> rule)
    {
        var none = new ProblemCollector();
        return Check(rule.Key, rule.Id, ref none);
    }

    /// <summary>
    /// Reports the rule's configuration errors: its id (blank, or already in <paramref name="byId"/>, to which it is
    /// added with its <paramref name="index"/>; not checked without the table: a replacement's id is that of the rule it
    /// replaces), its payload and its key; returns the shape of a rule without errors.
    /// </summary>
    private static (int Bits, int NcmDigits, int NcmLength)? Check(MatrixRule<TPayload> rule, int index, Dictionary<string, int>? byId, ref ProblemCollector problems)
    {
        var field = $"{TPayload.MatrixName}[{rule.Id}]";
        var before = problems.Count;
        if (byId is not null && string.IsNullOrWhiteSpace(rule.Id))
            problems.Add(new(field, MatrixCodes.IdEmpty, $"Regra da matriz {TPayload.MatrixName} sem identificador."));
        else if (byId is not null && !byId.TryAdd(rule.Id, index))
            problems.Add(new(field, MatrixCodes.IdDuplicate, $"Identificador {rule.Id} repetido na matriz {TPayload.MatrixName}."));
        problems.AddRange(rule.Payload.Validate(field));
        var shape = Check(rule.Key, field, ref problems);
        return problems.Count > before ? null : shape;
    }

    /// <summary>
    /// The most specific rule matching <paramref name="context"/>, or null when none does. Allocates nothing, and hashes
    /// nothing: the context carries the hashes of its values.
    /// </summary>
    public MatrixRule<TPayload>? Find(MatrixContext context) => _index.Find(context);

    /// <summary>
    /// <see cref="Find"/> for a caller that needs only the winning rule's payload and id: they are read from the index
    /// entry, so the rule object stays out of a large matrix's chain of cache misses.
    /// </summary>
    internal bool TryFind(MatrixContext context, [MaybeNullWhen(false)] out TPayload payload, [MaybeNullWhen(false)] out string id) =>
        _index.TryFind(context, out payload, out id);

    /// <summary>A hint before <paramref name="contexts"/> are looked up one by one (<see cref="MatrixIndex{TPayload}.Prefetch"/>); the answers do not change.</summary>
    internal int Prefetch(ReadOnlySpan<MatrixContext> contexts) => _index.Prefetch(contexts);

    /// <summary>Finds the most specific rule matching <paramref name="context"/>; false when none does.</summary>
    public bool TryFind(MatrixContext context, [NotNullWhen(true)] out MatrixRule<TPayload>? rule) =>
        (rule = Find(context)) is not null;

    /// <summary>
    /// Specificity of two shapes (bound dimensions as <see cref="DimensionSet"/> bits, NCM prefix length), most specific
    /// first: more dimensions, then the dimension earliest in precedence where they differ, then the longer NCM prefix.
    /// </summary>
    internal static int CompareSpecificity((int Bits, int NcmLength) x, (int Bits, int NcmLength) y)
    {
        var byCount = BitOperations.PopCount((uint)y.Bits).CompareTo(BitOperations.PopCount((uint)x.Bits));
        if (byCount != 0)
            return byCount;
        var differing = x.Bits ^ y.Bits;
        if (differing != 0)
            return (x.Bits & differing & -differing) != 0 ? -1 : 1; // lowest differing bit = earliest dimension
        return y.NcmLength.CompareTo(x.NcmLength);
    }

    /// <summary>Reports <paramref name="later"/> when it and <paramref name="earlier"/>, two rules of one key, overlap in both validity and quantity.</summary>
    internal static void CheckOverlap(MatrixRule<TPayload> earlier, MatrixRule<TPayload> later, ref ProblemCollector problems)
    {
        var (a, b) = (earlier.Key, later.Key);
        if (a.Validity.Overlaps(b.Validity) && a.Quantity.Overlaps(b.Quantity))
            problems.Add(new($"{TPayload.MatrixName}[{later.Id}]", MatrixCodes.Overlap,
                $"As regras {earlier.Id} e {later.Id} da matriz {TPayload.MatrixName} têm as mesmas chaves e " +
                $"vigências {a.Validity}/{b.Validity} e quantidades {a.Quantity}/{b.Quantity} sobrepostas."));
    }

    /// <summary>The problem to report when <see cref="Find"/> found nothing for a line.</summary>
    public static Problem NoRule(string field, LocalDate date) =>
        new(field, MatrixCodes.NoRule, $"Nenhuma regra da matriz {TPayload.MatrixName} se aplica em {date:dd/MM/yyyy}.");

    /// <summary>
    /// Reports the key's configuration errors; returns the dimensions it binds and its NCM prefix, padded with zeros
    /// to 8 digits (-1 without one), with its length.
    /// </summary>
    private static (int Bits, int NcmDigits, int NcmLength) Check(MatrixKey key, string field, ref ProblemCollector problems)
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
}
