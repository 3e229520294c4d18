using FairShare.Domain;

namespace FairShare.Features.Organisation;

public sealed record CostCentreSummary(
    int Id, string Code, string Name, CostCentreKind Kind, string Directorate, string FinancialYear, Money? Budget);

public sealed record BudgetLine(string FinancialYear, Money Amount);

public sealed record ProvidedOffering(int Id, string Code, string Name, string Category, ChargingClass ChargingClass);

public sealed record CostCentreDetail(
    CostCentreSummary Summary, IReadOnlyList<BudgetLine> Budgets, IReadOnlyList<ProvidedOffering> Offerings);

public sealed record AuthoritySummary(int Id, string Code, string Name, string FinancialYearStarts);
