namespace Crm.Sdk.Properties.Model;

/// <summary>What a property run exercised: how many steps the oracle allowed, denied or hid, and what the engine answered.</summary>
public sealed class Tally
{
    private readonly SortedDictionary<string, int> _outcomes = new(StringComparer.Ordinal);
    private readonly SortedDictionary<OpKind, int> _successes = [];

    public int Scenarios { get; set; }

    public int Skipped { get; set; }

    /// <summary>The time spent provisioning tenants and their users (the rest is the steps and their checks).</summary>
    public TimeSpan SetUp { get; set; }

    public int Steps => _outcomes.Values.Sum();

    public int Count(string key) => _outcomes.GetValueOrDefault(key);

    public void Succeeded(OpKind kind) => _successes[kind] = _successes.GetValueOrDefault(kind) + 1;

    public void Count(Expected expected, string outcome)
    {
        var key = $"{(expected is Expected.Allowed ? "allowed" : expected is Expected.Hidden ? "hidden" : "denied")} → {outcome}";
        _outcomes[key] = _outcomes.GetValueOrDefault(key) + 1;
    }

    public override string ToString() =>
        $"{Scenarios} scenarios (set-up {SetUp.TotalSeconds:0.0} s), {Steps} steps checked ({Skipped} without a target): " + string.Join(", ", _outcomes.Select(o => $"{o.Key} {o.Value}")) +
        "\nsuccesses by use case: " + string.Join(", ", _successes.Select(s => $"{s.Key} {s.Value}"));
}
