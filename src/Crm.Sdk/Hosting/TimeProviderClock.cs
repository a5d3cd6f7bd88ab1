using NodaTime;

namespace Crm.Sdk.Hosting;

/// <summary>The NodaTime clock of the engine, reading the host's <see cref="TimeProvider"/> (a fake one in tests moves it).</summary>
internal sealed class TimeProviderClock(TimeProvider time) : IClock
{
    public Instant GetCurrentInstant() => Instant.FromDateTimeOffset(time.GetUtcNow());
}
