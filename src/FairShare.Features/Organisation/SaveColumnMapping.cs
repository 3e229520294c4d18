using System.Globalization;
using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Features.Access;
using FairShare.Features.Organisation.Import;
using FairShare.Features.Tenancy;
using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Organisation;

/// <summary>A column mapping to save under a name: the kind of file, "column in the file=field" per line, and how its dates are written.</summary>
public sealed record SaveColumnMappingRequest(string? Name, string? Kind, string? Columns, string? DateFormat = null);

public sealed record ColumnMappingView(string Name, string Kind, IReadOnlyDictionary<string, string> Columns, string? DateFormat);

/// <summary>Saves (or replaces) a column mapping for this authority, so that its ledger's exports import as they are. Audited.</summary>
public sealed class SaveColumnMapping(FairShareDbContext db, TenantContext tenants, AuditTrail audit)
{
    public async Task<Outcome<ColumnMappingView>> HandleAsync(SaveColumnMappingRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (tenants.Refusal(Permission.ManageOrganisation, "save column mappings") is { } forbidden)
        {
            return Outcome<ColumnMappingView>.Forbidden(forbidden);
        }
        var errors = new List<DomainError>();
        var name = (request.Name ?? "").Trim().ToLowerInvariant();
        if (name.Length == 0 || name.Length > ColumnMapping.MaxName || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            errors.Add(new DomainError("name", $"Name the mapping with letters, digits and hyphens, at most {ColumnMapping.MaxName} characters (like unit4-cost-centres)."));
        }
        var kind = Inputs.Parse.Word<OrganisationFileKind>(request.Kind, "kind");
        errors.AddRange(kind.Errors);
        Dictionary<string, string>? columns = null;
        if (kind.IsSuccess)
        {
            (columns, var problem) = OrganisationFile.ParseMapping((request.Columns ?? "").Replace(';', '\n'), ImportOrganisation.FieldsOf(kind.Value));
            if (problem is not null)
            {
                errors.Add(new DomainError("columns", problem));
            }
        }
        var format = string.IsNullOrWhiteSpace(request.DateFormat) ? null : request.DateFormat.Trim();
        if (format is not null && !DateFormatReadsBack(format))
        {
            errors.Add(new DomainError("dateFormat", $"'{Inputs.Parse.Shown(format)}' is not a date format that reads dates back: write it like dd/MM/yyyy or dd-MMM-yyyy."));
        }
        if (errors.Count > 0)
        {
            return Outcome<ColumnMappingView>.Invalid(errors);
        }
        var tenant = tenants.Current;
        var stored = OrganisationFile.FormatMapping(columns!);
        var existing = await db.ColumnMappings.FirstOrDefaultAsync(m => m.AuthorityId == tenant.AuthorityId && m.Name == name, cancellationToken);
        var before = existing is null ? null : new { existing.Kind, existing.Columns, existing.DateFormat };
        if (existing is null)
        {
            var authority = await db.Authorities.SingleAsync(a => a.Id == tenant.AuthorityId, cancellationToken);
            existing = new ColumnMapping(authority, name, kind.Value.ToSlug(), stored, format);
            db.ColumnMappings.Add(existing);
        }
        else
        {
            existing.Amend(kind.Value.ToSlug(), stored, format);
        }
        audit.Record("organisation.mapping.saved", nameof(ColumnMapping), name, before, new { existing.Kind, existing.Columns, existing.DateFormat });
        await db.SaveChangesAsync(cancellationToken);
        return new ColumnMappingView(existing.Name, existing.Kind, columns!, existing.DateFormat);
    }

    private static bool DateFormatReadsBack(string format)
    {
        var day = new DateOnly(2027, 3, 31);
        try
        {
            var text = day.ToString(format, CultureInfo.GetCultureInfo("en-GB"));
            return DateOnly.TryParseExact(text, format, CultureInfo.GetCultureInfo("en-GB"), DateTimeStyles.None, out var back) && back == day;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
