/*
 * congdoan — the only script of the application. The CSP (script-src 'self') forbids inline scripts and handlers,
 * so templates pass data with data-* attributes and this file reads them. Everything here is an enhancement: every
 * page works without it.
 */
(function () {
    'use strict';

    /* 1. htmx requests carry the CSRF token, read from the layout's <meta> tags. */
    document.addEventListener('htmx:configRequest', function (event) {
        var token = document.querySelector('meta[name="_csrf"]');
        var header = document.querySelector('meta[name="_csrf_header"]');
        if (token && header && event.detail && event.detail.headers) {
            event.detail.headers[header.getAttribute('content')] = token.getAttribute('content');
        }
    });

    /*
     * 2. Bar charts drawn from tables: <table data-chart="canvas-id"> whose body rows carry data-label and
     * data-value. The table stays on the page, so the numbers are readable without the chart.
     */
    function drawCharts() {
        if (!window.Chart) {
            return;
        }
        var reduceMotion = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
        var locale = document.documentElement.getAttribute('lang') || 'vi';
        document.querySelectorAll('table[data-chart]').forEach(function (table) {
            var canvas = document.getElementById(table.getAttribute('data-chart'));
            if (!canvas) {
                return;
            }
            var labels = [];
            var values = [];
            table.querySelectorAll('tbody tr[data-label]').forEach(function (row) {
                labels.push(row.getAttribute('data-label'));
                values.push(Number(row.getAttribute('data-value')) || 0);
            });
            if (labels.length === 0) {
                return;
            }
            // One bar is about 2.2rem high; the CSSOM is allowed by the CSP, a style attribute is not.
            canvas.parentElement.style.height = Math.max(8, labels.length * 2.2 + 3) + 'rem';
            new window.Chart(canvas, {
                type: 'bar',
                data: {
                    labels: labels,
                    datasets: [{
                        label: canvas.getAttribute('data-series') || '',
                        data: values,
                        backgroundColor: '#0a4a8f',
                        hoverBackgroundColor: '#b42318',
                        borderRadius: 3,
                        maxBarThickness: 28
                    }]
                },
                options: {
                    indexAxis: 'y',
                    responsive: true,
                    maintainAspectRatio: false,
                    locale: locale,
                    animation: reduceMotion ? false : { duration: 400 },
                    plugins: { legend: { display: false } },
                    scales: {
                        x: { beginAtZero: true, ticks: { precision: 0, color: '#495057' } },
                        y: { ticks: { color: '#212529' } }
                    }
                }
            });
        });
    }

    /* A "copy" button for a one-time secret: <button data-copy="element-id" data-copied="message">. */
    function enableCopyButtons() {
        document.querySelectorAll('button[data-copy]').forEach(function (button) {
            var source = document.getElementById(button.getAttribute('data-copy'));
            if (!source) {
                return;
            }
            var status = document.querySelector('[data-copy-status="' + button.getAttribute('data-copy') + '"]');
            button.classList.remove('d-none');
            button.addEventListener('click', function () {
                var text = source.textContent.trim();
                var done = function () {
                    if (status) {
                        status.textContent = button.getAttribute('data-copied') || '';
                    }
                };
                if (navigator.clipboard && window.isSecureContext) {
                    navigator.clipboard.writeText(text).then(done, function () {
                        selectText(source);
                    });
                } else {
                    selectText(source);
                    try {
                        if (document.execCommand('copy')) {
                            done();
                        }
                    } catch (ignored) {
                        // The text stays selected: the user copies it by hand.
                    }
                }
            });
        });
    }

    function selectText(element) {
        var range = document.createRange();
        range.selectNodeContents(element);
        var selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
    }

    /*
     * 3. The unit tree: a toggle (button[data-tree-toggle] with aria-controls) loads the next level once through
     * htmx (hx-trigger="click once"); afterwards the same button only shows or hides what was loaded.
     */
    document.addEventListener('click', function (event) {
        var button = event.target.closest ? event.target.closest('button[data-tree-toggle]') : null;
        if (!button || button.getAttribute('data-loaded') !== 'true') {
            return;
        }
        var box = document.getElementById(button.getAttribute('aria-controls'));
        if (!box) {
            return;
        }
        var open = button.getAttribute('aria-expanded') === 'true';
        box.hidden = open;
        button.setAttribute('aria-expanded', open ? 'false' : 'true');
    });

    document.addEventListener('htmx:afterSwap', function (event) {
        var target = event.detail && event.detail.target;
        if (!target || !target.id) {
            return;
        }
        var button = document.querySelector('button[data-tree-toggle][aria-controls="' + target.id + '"]');
        if (button) {
            button.setAttribute('data-loaded', 'true');
            button.setAttribute('aria-expanded', 'true');
            target.hidden = false;
        }
    });

    /* 4. A panel loaded after the page (hx-trigger="load") that fails says so instead of "Loading…" forever. */
    document.addEventListener('htmx:responseError', panelFailed);
    document.addEventListener('htmx:sendError', panelFailed);

    function panelFailed(event) {
        var panel = event.detail && event.detail.elt;
        if (!panel || !panel.hasAttribute('data-load-error')) {
            return;
        }
        var status = panel.querySelector('.panel-status');
        if (status) {
            status.textContent = panel.getAttribute('data-load-error');
            status.classList.remove('text-body-secondary');
            status.classList.add('text-danger');
        }
    }

    function init() {
        drawCharts();
        enableCopyButtons();
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', init);
    } else {
        init();
    }
})();
