using FairShare.Domain;

namespace FairShare.Features.Organisation;

public sealed record CostCentreSummary(
    int Id, string Code, string Name, CostCentreKind Kind, string Directorate, string FinancialYear, Money? Budget);

/// <param name="FinancialYear">The year's label, 2026/27.</param>
/// <param name="Amount">The year's budget.</param>
/// <param name="Version">original, revised or draft (next year's draft).</param>
/// <param name="Profile">The twelve months, month 1 of the financial year first; they sum exactly to the amount.</param>
public sealed record BudgetLine(string FinancialYear, Money Amount, string Version = "original", IReadOnlyList<Money>? Profile = null);

/// <summary>Where a cost centre is filed: its directorate, fund (ring-fenced or not), budget holder, Revenue Outturn service line, and the day it closed.</summary>
public sealed record CostCentreFiling(string DirectorateCode, string Fund, string FundName, bool RingFenced, string? BudgetHolder,
    string? ServiceLineCode, string? ServiceLineName, DateOnly? ClosedFrom);

public sealed record ProvidedOffering(int Id, string Code, string Name, string Category, ChargingClass ChargingClass);

public sealed record CostCentreDetail(
    CostCentreSummary Summary, IReadOnlyList<BudgetLine> Budgets, IReadOnlyList<ProvidedOffering> Offerings, CostCentreFiling? Filing = null);

public sealed record AuthoritySummary(int Id, string Code, string Name, string FinancialYearStarts);
