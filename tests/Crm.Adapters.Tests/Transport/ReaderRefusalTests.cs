using Crm.Adapters.Http;
using Crm.Adapters.Testing;
using Crm.Adapters.Testing.Servers;
using Crm.Domain.Accounts.ErpLink;
using Crm.Domain.Integration;
using Crm.Domain.Integration.Messages;
using Crm.Domain.Problems;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using OneOf;

namespace Crm.Adapters.Tests.Transport;

/// <summary>
/// What a job reading many records through <see cref="IErpReader"/> must be able to tell apart: refused credentials stop it
/// (<see cref="Unavailable"/> after one request, never one refused login per record), and a standing of another customer than
/// the one asked for is never taken as the asked one's.
/// </summary>
public sealed class ReaderRefusalTests
{
    private static readonly Instant ReadAt = Instant.FromUtc(2026, 12, 7, 4, 30);

    [Fact]
    public async Task A_standing_read_with_refused_credentials_is_unavailable_after_one_request()
    {
        await using var server = await FakeDatasulServer.StartAsync("crm", "s3nh4");
        using var host = DatasulHost.For(server, "crm", "errada");
        var reader = host.Get<IEnumerable<IErpReader>>().Single();

        var read = await reader.ReadStandingAsync("1", TestAccounts.Today, ReadAt);

        Assert.True(read.IsT2, read.Value.ToString());
        Assert.Contains("HTTP 401", read.AsT2.Reason, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_standing_of_another_customer_than_the_one_asked_for_is_rejected_as_a_code_mismatch()
    {
        var reader = new AnsweringWith("000777");

        var asked = await reader.ReadStandingAsync("000123", TestAccounts.Today, ReadAt);
        var same = await new AnsweringWith("000123").ReadStandingAsync("000123", TestAccounts.Today, ReadAt);

        Assert.Equal(["test.state.code_mismatch"], asked.AsT1.Problems.Select(p => p.Code));
        Assert.Equal(ErpSituation.Active, same.AsT0.Situation);
    }

    // A transport whose ERP always answers the state of customer `answered`, whatever was asked.
    private sealed class AnsweringWith(string answered)
        : ErpHttpTransport(new HttpClient(), NullLogger.Instance, TimeProvider.System)
    {
        public override ErpId Erp => ErpId.Of("test");

        public override ValueTask<OneOf<ErpAccountState, Rejected, Unavailable>> ReadAccountStateAsync(string erpCode, LocalDate today,
            CancellationToken cancellationToken = default) =>
            ValueTask.FromResult<OneOf<ErpAccountState, Rejected, Unavailable>>(new ErpAccountState
            {
                ErpCode = answered,
                Situation = ErpSituation.Active,
                NotExposed = ErpStateFields.None,
            });

        protected override HttpRequestMessage CreateRequest(ErpMessage message) => throw new NotSupportedException();

        protected override string? ReadErpCode(ErpMessage message, string body) => throw new NotSupportedException();

        protected override IReadOnlyList<Problem> ReadProblems(string body) => throw new NotSupportedException();
    }
}
