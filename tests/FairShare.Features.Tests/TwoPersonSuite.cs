using FairShare.Domain.Access;
using FairShare.Features.Access;
using FairShare.Features.Demo;
using FairShare.Features.Organisation;
using FairShare.Features.Recharge;
using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FairShare.Features.Tests;

/// <summary>
/// Two people, by policy, on SQLite and on PostgreSQL: with the rule on, whoever prepared a period's dry run cannot
/// post it, reverse it or close it, and a refusal writes nothing; with it off, one person may do all of it.
/// </summary>
public abstract class TwoPersonSuite<TDatabase>(TDatabase database) : IClassFixture<TDatabase> where TDatabase : DatabaseFixture
{
    private const string County = DemoCatalogue.CountyCode;

    private async Task<Outcome<T>> AsAsync<T>(string who, Func<IServiceProvider, Task<Outcome<T>>> action, Role role = Role.FinanceOfficer)
    {
        await using var scope = await database.ScopeForAsync(County, new RoleGrant(role), who, id: "user:" + who);
        return await action(scope.ServiceProvider);
    }

    private Task<Outcome<RechargeRunSummary>> RunAsync(string who, string period, bool dry) =>
        AsAsync(who, s => s.GetRequiredService<PostRechargeRun>().HandleAsync(new PostRechargeRunRequest(period, dry)));

    private Task SetAsync(bool required) =>
        AsAsync("Ada", s => s.GetRequiredService<SetTwoPersonRule>().HandleAsync(new SetTwoPersonRuleRequest(required)), Role.Administrator).Ok();

    private async Task<(int Runs, int Journals)> CountsAsync()
    {
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FairShareDbContext>();
        db.SystemAccess = true;
        return (await db.RechargeRuns.CountAsync(), await db.JournalEntries.CountAsync());
    }

    [Fact]
    public async Task On_ThePreparerCannotPostReverseOrClose_SomeoneElseCan_AndARefusalWritesNothing()
    {
        await SetAsync(true);
        try
        {
            var noDryRun = await RunAsync("Bea", "2026-05", dry: false).Fails(OutcomeKind.Refused);
            Assert.Contains("someone must prepare a dry run of 2026-05", noDryRun.Message, StringComparison.Ordinal);

            await RunAsync("Bea", "2026-05", dry: true).Ok();
            var before = await CountsAsync();
            var same = await RunAsync("Bea", "2026-05", dry: false).Fails(OutcomeKind.Refused);
            Assert.Equal("This authority requires two people: you prepared the dry run of 2026-05, so someone else must post it.", same.Message);
            Assert.Equal(before, await CountsAsync());

            // Cal reviews the figures with a dry run of his own, then posts what Bea prepared.
            await RunAsync("Cal", "2026-05", dry: true).Ok();
            var posted = await RunAsync("Cal", "2026-05", dry: false).Ok();
            await using (var scope = database.Scope())
            {
                var db = scope.ServiceProvider.GetRequiredService<FairShareDbContext>();
                db.SystemAccess = true;
                var run = await db.RechargeRuns.SingleAsync(r => r.Id == posted.RunId);
                Assert.Equal(("Bea", "user:Bea", "Cal"), (run.PreparedBy, run.PreparedById, run.PostedBy));
            }

            var reverse = await AsAsync("Bea", s => s.GetRequiredService<ReverseRechargeRun>().HandleAsync(new ReverseRechargeRunRequest("2026-05"))).Fails(OutcomeKind.Refused);
            Assert.EndsWith("so someone else must reverse it.", reverse.Message, StringComparison.Ordinal);
            var close = await AsAsync("Bea", s => s.GetRequiredService<ClosePeriod>().HandleAsync(new ClosePeriodRequest("2026-05"))).Fails(OutcomeKind.Refused);
            Assert.EndsWith("so someone else must close it.", close.Message, StringComparison.Ordinal);
            await AsAsync("Cal", s => s.GetRequiredService<ReverseRechargeRun>().HandleAsync(new ReverseRechargeRunRequest("2026-05"))).Ok();
        }
        finally
        {
            await SetAsync(false);
        }
    }

    [Fact]
    public async Task Off_OnePersonMayPrepareAndPost()
    {
        await RunAsync("Dee", "2026-06", dry: true).Ok();
        var posted = await RunAsync("Dee", "2026-06", dry: false).Ok();
        Assert.True(posted.Posted);
        await AsAsync("Dee", s => s.GetRequiredService<ReverseRechargeRun>().HandleAsync(new ReverseRechargeRunRequest("2026-06"))).Ok();
    }

    [Fact]
    public async Task TheSetting_IsForAdministrators_AndEveryChangeIsAudited()
    {
        var refused = await AsAsync("Bea", s => s.GetRequiredService<SetTwoPersonRule>().HandleAsync(new SetTwoPersonRuleRequest(true)));
        Assert.Equal(OutcomeKind.Forbidden, refused.Kind);
        await AsAsync("Ada", s => s.GetRequiredService<SetTwoPersonRule>().HandleAsync(new SetTwoPersonRuleRequest(null)), Role.Administrator).Fails(OutcomeKind.Invalid);
        await SetAsync(true);
        Assert.True((await AsAsync("Ada", s => s.GetRequiredService<GetTwoPersonRule>().HandleAsync(new GetTwoPersonRuleRequest()), Role.Administrator).Ok()).Required);
        await SetAsync(false);
        var audit = await AsAsync("Eve", s => s.GetRequiredService<SearchAuditLog>().HandleAsync(new SearchAuditLogRequest("authority.two-people")), Role.Auditor).Ok();
        Assert.True(audit.Count(a => a.Action == "authority.two-people") >= 2);
    }
}

public sealed class TwoPersonOnSqlite(SqliteDatabase database) : TwoPersonSuite<SqliteDatabase>(database);

public sealed class TwoPersonOnPostgres(PostgresDatabase database) : TwoPersonSuite<PostgresDatabase>(database);
