using Crm.Domain.Identity;
using Crm.Domain.Service.Occurrences;
using Crm.Sdk.Tests.Infrastructure;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static Crm.Sdk.Tests.Infrastructure.TestHost;

namespace Crm.Sdk.Tests;

/// <summary>One tenant shared by the runs of <see cref="ServiceProperties"/>, with one account of the Usuário.</summary>
public sealed class ServiceTenant : IAsyncLifetime
{
    public TestHost Host { get; private set; } = null!;

    public AccountId Account { get; private set; }

    public async Task InitializeAsync()
    {
        Host = await Create(TestProviders.Sqlite);
        Account = Ok(await Host.As(Host.Usuario).Accounts.RegisterAsync(Forms.Company(900))).Id;
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>
/// Random sequences of occurrence steps through the engine (assign, answer, close, revise, time passing, a stale version):
/// each step succeeds exactly when the life cycle allows it, the instants stay ordered (opened ≤ answered ≤ closed), and the
/// stored history has an entry for every change that succeeded and none for a refused one.
/// </summary>
public sealed class ServiceProperties(ServiceTenant tenant) : IClassFixture<ServiceTenant>
{
    private enum Step { Assign, Answer, Close, Revise, Wait, Stale }

    [Property(MaxTest = 15)]
    public Property Steps_keep_the_instants_ordered_and_the_history_complete() =>
        Prop.ForAll(Steps().ToArbitrary(), steps => Run(steps).GetAwaiter().GetResult());

    private static Gen<(Step, int)[]> Steps() =>
        (from step in Gen.Choose(0, 5) from n in Gen.Choose(1, 600) select ((Step)step, n)).ArrayOf().Select(a => a.Take(10).ToArray());

    private async Task<bool> Run((Step Step, int N)[] steps)
    {
        var host = tenant.Host;
        var service = host.As(host.Usuario).Service;
        UserId[] attendants = [host.Usuario, host.Diretor, host.Coordenador]; // all see the Usuário's account
        var opened = Ok(await service.OpenAsync(new OccurrenceForm(tenant.Account, ServiceChannel.Chat, "DUV", "Pergunta")));
        var (version, status) = (opened.Version, OccurrenceStatus.Open);
        var history = Ok(await service.GetAsync(opened.Id)).Occurrence.History.Count;
        foreach (var (step, n) in steps)
        {
            if (step == Step.Wait)
            {
                host.Time.Advance(TimeSpan.FromMinutes(n));
                continue;
            }
            var before = Ok(await service.GetAsync(opened.Id)).Occurrence;
            var result = step switch
            {
                Step.Assign => await service.AssignAsync(opened.Id, version, attendants[n % 3]),
                Step.Answer => await service.AnswerAsync(opened.Id, version, $"Resposta {n}"),
                Step.Close => await service.CloseAsync(opened.Id, version, n % 2 == 0 ? null : $"Solução {n}"),
                Step.Revise => await service.ReviseAsync(opened.Id, version, new OccurrenceForm(tenant.Account, ServiceChannel.Email, "DUV", $"Pergunta {n}")),
                _ => await service.AssignAsync(opened.Id, version - 1, attendants[n % 3]),
            };
            var allowed = step switch
            {
                Step.Answer => status == OccurrenceStatus.Open,
                Step.Close => status == OccurrenceStatus.Answered,
                Step.Stale => false,
                _ => status != OccurrenceStatus.Closed,
            };
            if (result.Succeeded != allowed)
                return false;
            var after = Ok(await service.GetAsync(opened.Id));
            var occurrence = after.Occurrence;
            var expected = !allowed ? 0
                : step switch
                {
                    Step.Assign => before.Attendant == attendants[n % 3] ? 0 : 1,
                    Step.Answer => 2,                               // the answer and the status
                    Step.Close => n % 2 == 0 ? 1 : 2,               // the status, and the resolution when given
                    // A revision records each field it changes: the channel, the description, the attendant (the form has none).
                    _ => (before.Channel != ServiceChannel.Email ? 1 : 0) + (before.Description != $"Pergunta {n}" ? 1 : 0) + (before.Attendant is null ? 0 : 1),
                };
            if (occurrence.History.Count != history + expected)
                return false;
            if (occurrence.AnsweredAt is { } answered && (answered < occurrence.OpenedAt || occurrence.ClosedAt < answered))
                return false;
            if (occurrence.ClosedAt is not null && occurrence.AnsweredAt is null)
                return false;
            (version, status, history) = (after.Version, occurrence.Status, occurrence.History.Count);
        }
        return true;
    }
}
