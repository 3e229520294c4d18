using System.Runtime.CompilerServices;
using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Domain.Ledger;
using FairShare.Persistence;
using FairShare.Persistence.Ledger;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Imports;

/// <summary>What an import checks rows against: this authority's codes and closed periods.</summary>
internal sealed class ImportContext
{
    private readonly Dictionary<string, int> _costCentres;
    private readonly Dictionary<string, KnownOffering> _offerings;
    private readonly HashSet<(int, int)> _closed;
    private readonly Dictionary<(int, int), int> _posted;
    private readonly Dictionary<(int, int), string?> _importRefusals = [];

    private ImportContext(int authorityId, int yearStartMonth, Actor actor, Dictionary<string, int> costCentres,
        Dictionary<string, KnownOffering> offerings, HashSet<(int, int)> closed, Dictionary<(int, int), int> posted, IReadOnlyList<FinancialYear> openYears)
    {
        OpenYears = openYears;
        Actor = actor;
        _posted = posted;
        AuthorityId = authorityId;
        YearStartMonth = yearStartMonth;
        _costCentres = costCentres;
        _offerings = offerings;
        _closed = closed;
    }

    public int AuthorityId { get; }

    /// <summary>Who is importing.</summary>
    public Actor Actor { get; }
    public int YearStartMonth { get; }

    /// <summary>The financial years that take records now (<see cref="FinancialYear.OpenForRecords"/>).</summary>
    public IReadOnlyList<FinancialYear> OpenYears { get; }
    private HashSet<int> Supports { get; init; } = [];

    public bool IsSupport(int costCentreId) => Supports.Contains(costCentreId);

    /// <summary>The cost centres closed from a date (few, so looked up only when there are any).</summary>
    private Dictionary<int, (string Code, DateOnly From)> ClosedFrom { get; init; } = [];

    /// <summary>Why a cost centre takes no record dated <paramref name="date"/> (it is closed from a day on or before it), or null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string? ClosedOn(int costCentreId, DateOnly date) =>
        ClosedFrom.Count > 0 && ClosedFrom.TryGetValue(costCentreId, out var closed) && date >= closed.From
            ? $"is closed from {closed.From:yyyy-MM-dd}: a closed cost centre takes no usage dated on or after that day."
            : null;

    /// <summary>An offering by its code, and whether the importing user may record usage of it (asked once per offering, not once per row).</summary>
    public sealed class KnownOffering(int id, int? providerCostCentreId)
    {
        public int Id { get; } = id;
        public int? ProviderCostCentreId { get; } = providerCostCentreId;
        internal bool? MayRecord { get; set; }
    }

    /// <summary>This authority's codes, open years and closed periods on <paramref name="today"/>, for checking the rows <paramref name="actor"/> imports.</summary>
    public static async Task<ImportContext> LoadAsync(FairShareDbContext db, int authorityId, int yearStartMonth, Actor actor, DateOnly today, CancellationToken cancellationToken)
    {
        var all = await db.CostCentres.AsNoTracking().Where(c => c.AuthorityId == authorityId).Select(c => new { c.Code, c.Id, c.Kind, c.ClosedFrom }).ToListAsync(cancellationToken);
        var centres = all.ToDictionary(c => c.Code, c => c.Id, StringComparer.OrdinalIgnoreCase);
        var supports = all.Where(c => c.Kind == CostCentreKind.Support).Select(c => c.Id).ToHashSet();
        var offerings = await db.Offerings.AsNoTracking().Where(o => o.AuthorityId == authorityId)
            .ToDictionaryAsync(o => o.Code, o => new KnownOffering(o.Id, o.ProviderCostCentreId), StringComparer.OrdinalIgnoreCase, cancellationToken);
        var closed = (await db.PeriodStatuses.AsNoTracking().Where(p => p.AuthorityId == authorityId && p.Closed)
            .Select(p => new { p.FinancialYearStart, p.PeriodNumber }).ToListAsync(cancellationToken))
            .Select(p => (p.FinancialYearStart, p.PeriodNumber)).ToHashSet();
        var posted = (await db.RechargeRuns.AsNoTracking().Where(r => r.AuthorityId == authorityId && r.Status == RechargeRunStatus.Posted)
            .Select(r => new { r.FinancialYearStart, r.PeriodNumber, r.Id }).ToListAsync(cancellationToken))
            .ToDictionary(r => (r.FinancialYearStart, r.PeriodNumber), r => r.Id);
        var previous = FinancialYear.Containing(today, yearStartMonth).Previous;
        var openYears = FinancialYear.OpenForRecords(today, yearStartMonth, closed.Contains((previous.StartYear, AccountingPeriod.AdjustmentPeriodNumber)));
        return new ImportContext(authorityId, yearStartMonth, actor, centres, offerings, closed, posted, openYears) { Supports = supports, ClosedFrom = all.Where(c => c.ClosedFrom is not null).ToDictionary(c => c.Id, c => (c.Code, c.ClosedFrom!.Value)) };
    }

    /// <summary>Whether the importing user records usage of this offering (its provider's).</summary>
    public bool MayRecordUsageOf(KnownOffering offering) => offering.MayRecord ??= Actor.CanRecordUsageOf(offering.ProviderCostCentreId);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int? CostCentre(int line, string column, string code, ImportProblems problems)
    {
        if (_costCentres.TryGetValue(code, out var id))
        {
            return id;
        }
        problems.Add(new ImportProblem(line, column, code, code.Length == 0 ? "is required." : "is not one of this authority's cost centres."));
        return null;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public KnownOffering? Offering(int line, string column, string code, ImportProblems problems)
    {
        if (_offerings.TryGetValue(code, out var offering))
        {
            return offering;
        }
        problems.Add(new ImportProblem(line, column, code, code.Length == 0 ? "is required." : "is not one of this authority's offerings."));
        return null;
    }

    /// <summary>A date as YYYY-MM-DD in an open year, or null with a problem; its period is checked for records too.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public DateOnly? Date(int line, string column, string text, ImportProblems problems)
    {
        if (!IsoDate.TryParse(text, out var date))
        {
            problems.Add(new ImportProblem(line, column, text, text.Length == 0 ? "is required." : "is not a date; write it as YYYY-MM-DD."));
            return null;
        }
        return InOpenYear(line, column, text, date, problems) && CheckOpen(line, column, text, AccountingPeriod.Containing(date, YearStartMonth), problems) ? date : null;
    }

    /// <summary>A period as YYYY-MM in an open year that takes imports now, or null with a problem.</summary>
    public AccountingPeriod? Period(int line, string column, string text, ImportProblems problems)
    {
        if (!IsoDate.TryParseMonth(text, out var first))
        {
            problems.Add(new ImportProblem(line, column, text, text.Length == 0 ? "is required." : "is not a period; write it as YYYY-MM."));
            return null;
        }
        if (!InOpenYear(line, column, text, first, problems))
        {
            return null;
        }
        var period = AccountingPeriod.Containing(first, YearStartMonth);
        return CheckOpen(line, column, text, period, problems) ? period : null;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool InOpenYear(int line, string column, string text, DateOnly date, ImportProblems problems)
    {
        foreach (var year in OpenYears)
        {
            if (year.Contains(date))
            {
                return true;
            }
        }
        problems.Add(new ImportProblem(line, column, text,
            $"is not in a financial year that takes records now: records go into {Domain.Text.English.List([.. OpenYears.Select(y => y.Label)])}."));
        return false;
    }

    /// <summary>Whether the period's workflow takes an import now (decided once per period, not once per row).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool CheckOpen(int line, string column, string text, AccountingPeriod period, ImportProblems problems)
    {
        var key = (period.Year.StartYear, period.Number);
        if (!_importRefusals.TryGetValue(key, out var refusal))
        {
            var status = _closed.Contains(key) ? PeriodStatus.Closed : _posted.ContainsKey(key) ? PeriodStatus.RunPosted : PeriodStatus.Open;
            var decided = PeriodState.Load(AuthorityId, period, status).Apply(PeriodTrigger.Import, new PeriodFacts(null));
            refusal = decided.IsSuccess ? null : string.Join(" ", decided.Errors.Select(e => e.Message));
            if (refusal is not null && status == PeriodStatus.RunPosted && _posted.TryGetValue(key, out var run))
            {
                // The posted run priced the period as it stood; a record added now would be on no statement.
                refusal += $" (run {run})";
            }
            _importRefusals[key] = refusal;
        }
        if (refusal is not null)
        {
            problems.Add(new ImportProblem(line, column, text, $"falls in {period.Month}: {refusal}"));
        }
        return refusal is null;
    }
}
