using FairShare.Domain.Access;
using FairShare.Features;
using FairShare.Features.Organisation;
using FairShare.Features.Organisation.Import;
using FairShare.Features.Tenancy;
using FairShare.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FairShare.Web.Pages.Organisation;

/// <summary>
/// Import an organisation file: upload, then check what it adds, changes and closes, then confirm. The file
/// travels from the preview to the confirmation in the form itself (at most <see cref="MaxBytes"/>), so nothing is
/// kept on the server between the two; larger files go through the API or the CLI.
/// </summary>
public sealed class ImportModel(ImportOrganisation import, GetOrganisation organisation, TenantContext tenants) : PageModel
{
    public const int MaxBytes = 2 * 1024 * 1024;

    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? Mapping { get; set; }
    [BindProperty] public string? Encoding { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? FileName { get; set; }
    [BindProperty] public string? FileContent { get; set; }

    public IReadOnlyList<ColumnMappingView> Mappings { get; private set; } = [];
    public OrganisationPreview? Preview { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }
        if (string.IsNullOrWhiteSpace(Kind) && string.IsNullOrWhiteSpace(Mapping))
        {
            ModelState.AddModelError(nameof(Kind), "Select what the file holds.");
        }
        if (Upload is null)
        {
            ModelState.AddModelError(nameof(Upload), "Select a CSV or Excel file to import.");
        }
        else if (Upload.Length > MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), $"The file is more than {MaxBytes / (1024 * 1024)} MB; import it with the API or the fairshare command.");
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        using var content = new MemoryStream();
        await Upload!.CopyToAsync(content, cancellationToken);
        FileName = Path.GetFileName(Upload.FileName);
        FileContent = Convert.ToBase64String(content.ToArray());
        return await RunAsync(content.ToArray(), apply: false, cancellationToken);
    }

    public async Task<IActionResult> OnPostApplyAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }
        var bytes = new byte[(FileContent ?? "").Length];
        if (string.IsNullOrEmpty(FileName) || !Convert.TryFromBase64String(FileContent ?? "", bytes, out var written) || written > MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), "Select the file again: the preview it was checked with has gone.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        return await RunAsync(bytes[..written], apply: true, cancellationToken);
    }

    private async Task<IActionResult> RunAsync(byte[] content, bool apply, CancellationToken cancellationToken)
    {
        var encoding = Features.Inputs.Parse.Encoding(Encoding, "encoding");
        if (!encoding.IsSuccess)
        {
            ModelState.AddModelError(nameof(Encoding), "Select how the file's text is saved: UTF-8 or Windows-1252.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var outcome = await import.HandleAsync(new ImportOrganisationRequest(Kind, FileName!, content, Mapping, apply, encoding.Value), cancellationToken);
        if (outcome.Kind is OutcomeKind.Forbidden or OutcomeKind.NotFound)
        {
            return this.Show(outcome)!;
        }
        if (!outcome.IsOk)
        {
            foreach (var error in outcome.Errors)
            {
                var key = error.Field switch { "kind" => nameof(Kind), "mapping" => nameof(Mapping), "encoding" => nameof(Encoding), _ => nameof(Upload) };
                ModelState.AddModelError(key, error.Field.StartsWith("line", StringComparison.Ordinal) ? $"{char.ToUpperInvariant(error.Field[0])}{error.Field[1..]}: {error.Message}" : error.Message);
            }
            FileContent = null;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Preview = outcome.Value;
        if (apply)
        {
            FileContent = null;
        }
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        if (tenants.Refusal(Permission.ManageOrganisation, "import the organisation") is { } forbidden)
        {
            HttpContext.Items[UseCaseExceptionHandler.MessageKey] = forbidden;
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        var overview = await organisation.HandleAsync(new GetOrganisationRequest(), cancellationToken);
        Mappings = overview.IsOk ? overview.Value.Mappings : [];
        return null;
    }

    public static IReadOnlyList<OrganisationFileKind> Kinds => Enum.GetValues<OrganisationFileKind>();

    public static string Words(OrganisationFileKind kind) => kind.ToWords();
}
