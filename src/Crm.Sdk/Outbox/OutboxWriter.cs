using Crm.Domain.Accounts;
using Crm.Domain.Accounts.ErpLink;
using Crm.Domain.Integration;
using Crm.Domain.Integration.Eligibility;
using Crm.Domain.Tenancy;
using Crm.Persistence.Outbox;
using Crm.Sdk.Engine;
using Microsoft.EntityFrameworkCore;

namespace Crm.Sdk.Outbox;

/// <summary>
/// Stages the ERP message of an account in the use case's unit of work, so that it is written in the same transaction as
/// the change (or not at all). Written only when the tenant integrates (its <see cref="Tenant.DefaultIntegration"/> has a
/// registered adapter), the account is eligible by the adapter's rules, and, under <i>Gestão de Planos</i>, the account
/// came from GP without an active term (<see cref="IntegrationState.SendsChangesToGp"/>, seed 000).
/// </summary>
internal static class OutboxWriter
{
    public static async Task StageAsync(UnitOfWork work, Account account)
    {
        if (ErpOf(work.Access.Tenant?.DefaultIntegration) is not { } erp || work.Engine.Adapters.For(erp) is not { } adapter)
            return;
        var integration = await work.Db.Settings.IntegrationAsync(work.Cancellation).ConfigureAwait(false);
        if (integration.System == IntegrationSystem.Gp && !account.Integration.SendsChangesToGp)
            return;
        var settings = await work.Db.Settings.AccountsAsync(work.Cancellation).ConfigureAwait(false);
        // The registration check of this use case refused a short name another record holds: the account holds its own alone.
        var shortNames = new ShortNameDirectory();
        if (account.Data.ShortName is { } shortName)
            shortNames.Add(shortName, account.Id);
        // The master data the ERP's initial load stored: before a load, an account pointing at a representative, carrier,
        // condition or price table is not eligible.
        var masterData = await work.Engine.MasterData.ForAsync(work.Db, erp, work.Cancellation).ConfigureAwait(false);
        var eligibility = adapter.Evaluate(account, new EligibilityContext(settings, masterData, shortNames, integration.System));
        if (!eligibility.IsEligible)
        {
            OutboxLog.NotEligible(work.Engine.OutboxLogger, account.Id.Value, erp, string.Join(", ", eligibility.Problems.Select(p => p.Code)));
            return;
        }
        var message = adapter.Prepare(account);
        var last = await work.Db.Outbox.Where(m => m.Account == account.Id).MaxAsync(m => (long?)m.Sequence, work.Cancellation)
            .ConfigureAwait(false);
        var now = work.Clock.GetCurrentInstant();
        work.Db.Outbox.Add(new OutboxMessage
        {
            Tenant = work.Tenant,
            Id = Guid.NewGuid(),
            Account = account.Id,
            Sequence = (last ?? 0) + 1,
            Erp = erp.Value,
            Resource = message.Resource,
            Operation = message.Operation,
            ErpCode = message.ErpCode,
            Payload = message.Body,
            IdempotencyKey = message.Key.Value,
            Status = OutboxStatus.Pending,
            NextAttemptAt = now,
            CreatedBy = work.User,
            CreatedAt = now,
            UpdatedAt = now,
        });
    }

    /// <summary>The adapter id of the tenant's ERP; null when the tenant does not integrate.</summary>
    public static ErpId? ErpOf(DefaultIntegration? integration) => integration switch
    {
        DefaultIntegration.Datasul => ErpId.Of("datasul"),
        DefaultIntegration.Protheus => ErpId.Of("protheus"),
        DefaultIntegration.Mega => ErpId.Of("mega"),
        DefaultIntegration.SeniorErpX => ErpId.Of("senior"),
        _ => null,
    };
}
