using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Crm.Benchmarks.Engine;

/// <summary>
/// A short job in this process with time for the first run's seeding: seeding a 10⁵-row file takes longer than the
/// in-process toolchain's default five minutes, and an out-of-process build of this solution outlasts its two.
/// </summary>
internal sealed class SeedingConfig : ManualConfig
{
    public SeedingConfig() => AddJob(Job.ShortRun.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromHours(1), logOutput: true)));
}
