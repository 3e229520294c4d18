using FairShare.Features.Inputs;
using FairShare.Features.Organisation;

namespace FairShare.Web.Api;

/// <summary>The organisation from the ledger's own files, for machine clients: preview and apply an import, save a column mapping, close a cost centre.</summary>
public static class OrganisationImportEndpoints
{
    public sealed record MappingInput(string? Kind, string? Columns, string? DateFormat);

    public sealed record CloseInput(string? From);

    public static RouteGroupBuilder MapOrganisationImport(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/organisation", async (GetOrganisation handler, CancellationToken ct) =>
                (await handler.HandleAsync(new GetOrganisationRequest(), ct)).ToHttp())
            .WithSummary("The organisation at a glance: directorates, funds, counts, saved column mappings (administrators and finance officers)");
        api.MapGet("/organisation/cost-centres", async (ListCostCentres handler, CancellationToken ct, string? kind = null) =>
                (await handler.HandleAsync(new ListCostCentresRequest(kind), ct)).ToHttp())
            .WithSummary("The authority's cost centres (the same as /api/cost-centres)");
        api.MapPost("/organisation/import", ImportAsync)
            .WithSummary("Preview (preview=true, the default) or apply (preview=false, all or nothing) an organisation file: the body is the file; "
                + "?kind=directorates|cost-centres|budgets|subjective-codes|funds&mapping=&fileName=&encoding=utf-8|windows-1252");
        api.MapPut("/organisation/mappings/{name}", async (string name, MappingInput input, SaveColumnMapping handler, CancellationToken ct) =>
                (await handler.HandleAsync(new SaveColumnMappingRequest(name, input.Kind, input.Columns, input.DateFormat), ct)).ToHttp())
            .WithSummary("Save a column mapping: { kind, columns: \"Cost Centre=code;Cost Centre Description=name\", dateFormat }");
        api.MapPost("/cost-centres/{code}/close", async (string code, CloseInput input, CloseCostCentre handler, CancellationToken ct) =>
                (await handler.HandleAsync(new CloseCostCentreRequest(code, input.From), ct)).ToHttp())
            .WithSummary("Close a cost centre from a date: { from: \"YYYY-MM-DD\" }; it is kept, never deleted");
        return api;
    }

    private static async Task<IResult> ImportAsync(HttpRequest request, ImportOrganisation handler, CancellationToken ct,
        string? kind = null, string? mapping = null, bool preview = true, string? fileName = null, string? encoding = null)
    {
        var textEncoding = Parse.Encoding(encoding);
        if (!textEncoding.IsSuccess)
        {
            return OutcomeResults.Invalid([.. textEncoding.Errors]);
        }
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, ct);
        var name = string.IsNullOrWhiteSpace(fileName) ? $"{kind ?? "organisation"}.csv" : fileName;
        return (await handler.HandleAsync(new ImportOrganisationRequest(kind, name, body.ToArray(), mapping, Apply: !preview, textEncoding.Value), ct)).ToHttp();
    }
}
